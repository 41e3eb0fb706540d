"""The training pages' contexts and routes (registered with the page kit)."""
