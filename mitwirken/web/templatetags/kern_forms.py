from django import template

from ..rendering import kern_widget as render_kern_widget

register = template.Library()


@register.filter
def kern_widget(field):
    return render_kern_widget(field)
