"""Renders a greeting page from config.yaml with a Jinja2 template (Debian's python3-yaml and
python3-jinja2). `python3 app.py --check` renders it once and exits 0 when it looks right."""
import sys

import jinja2
import yaml

TEMPLATE = jinja2.Template(
    "<h1>{{ title }}</h1>\n<ul>{% for name in names %}<li>Hello, {{ name }}!</li>{% endfor %}</ul>\n"
)


def render(path="config.yaml"):
    with open(path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    return TEMPLATE.render(**config)


if __name__ == "__main__":
    page = render()
    if "--check" in sys.argv:
        ok = "<h1>Greetings</h1>" in page and "Hello, Ada!" in page
        print("check:", "ok" if ok else "unexpected page")
        sys.exit(0 if ok else 1)
    print(page)
