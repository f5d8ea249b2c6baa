"""The sandbox templates render in: Jinja2's ImmutableSandboxedEnvironment with limits.

Jinja's sandbox keeps a template away from Python's internals (no ``__class__``,
no unsafe callables, no mutation of lists and dicts). This module adds what a
template from someone else's workspace must not be able to do to the app:

- run forever: a deadline is checked at every attribute access, item access,
  call, filter, intercepted operator and ``~``, and at the top of every block
  and loop iteration (the code generator writes the check there);
- exhaust memory in one step: ``*``, ``**``, ``+``, ``%``, ``~``, ``str.replace``,
  ``center``, ``join``, ``format`` widths and the like are sized before they
  run, and no string or list may grow past :data:`MAX_VALUE_SIZE`;
- load anything: the loader knows no template, so ``include``, ``import`` and
  ``extends`` find nothing (and :mod:`planner.templating` refuses them first).

A limit that is hit raises :class:`Refused`, whose message is for the user.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import update_wrapper
from itertools import islice
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, _PassArg

from planner.i18n import QT_TRANSLATE_NOOP, TextError

# No single value (string, list) a template builds may be larger than this.
MAX_VALUE_SIZE = 2_000_000
MAX_INT_BITS = 4096  # about 1,200 decimal digits
MAX_PAD = 10_000  # widths in format specs, center(), indent()...


class Refused(TextError):  # noqa: N818 - a refusal, reported to the user as it is
    """A limit was hit while rendering; the message says which, for the user.

    ``str(refusal)`` and :attr:`message` are the message, a translatable Text.
    """


class _NoLoader(BaseLoader):
    """Knows no template at all: include, import and extends find nothing."""

    def get_source(
        self, environment: Any, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        raise TemplateNotFound(template)


class _GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator, plus a deadline check in every block and loop
    iteration and a size check before every ``~`` concatenation."""

    def blockvisit(self, nodes: Iterable[nodes.Node], frame: Frame) -> None:
        self.writeline("environment.tick()")
        super().blockvisit(nodes, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.sized_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


# str methods a template may call; the rest (translate, ...) could build huge
# values in ways that are hard to bound. replace, center... are checked first.
_STR_METHODS = frozenset(
    """capitalize casefold count endswith find index isalnum isalpha isascii isdecimal
    isdigit isidentifier islower isnumeric isprintable isspace istitle isupper lower lstrip
    partition removeprefix removesuffix rfind rindex rpartition rsplit rstrip split
    splitlines startswith strip swapcase title upper replace center ljust rjust zfill
    expandtabs join format format_map striptags unescape""".split()
)
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _approx_size(value: Any, budget: int) -> int:
    """Roughly how many characters ``str(value)`` has, stopping past ``budget``."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, Namespace):
        value = dict(value._Namespace__attrs)
    if isinstance(value, Mapping):
        total = 2
        for key, item in value.items():
            total += _approx_size(key, budget) + _approx_size(item, budget) + 4
            if total > budget:
                break
        return total
    if isinstance(value, list | tuple | set | frozenset):
        total = 2
        for item in value:
            total += _approx_size(item, budget) + 2
            if total > budget:
                break
        return total
    return len(str(value))


def _arg(args: Sequence[Any], kwargs: dict[str, Any], index: int, name: str) -> Any:
    """A filter's argument, given by position or by name (None if not given)."""
    return args[index] if len(args) > index else kwargs.get(name)


class Sandbox(ImmutableSandboxedEnvironment):
    """One render's environment: sandboxed, strict, with a deadline and limits."""

    intercepted_binops = frozenset({"*", "**", "+", "-", "/", "//", "%"})
    code_generator_class = _GuardedCodeGenerator

    def __init__(self, *, autoescape: bool, deadline: float, time_limit: float) -> None:
        super().__init__(
            loader=_NoLoader(),
            undefined=StrictUndefined,
            autoescape=autoescape,
            optimized=False,
            auto_reload=False,
            cache_size=0,
            keep_trailing_newline=True,
            # A line holding only a {% tag %} leaves no blank line behind:
            # what plain-text messages need, and harmless in SVG.
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.deadline = deadline
        self.time_limit = time_limit
        self.globals.pop("lipsum", None)  # makes text in bulk; nothing a poster needs
        self.filters = {name: self._guard_filter(name, f) for name, f in self.filters.items()}
        self.finalize = self._finalize

    # -- limits ------------------------------------------------------------------

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox",
                    "it took too long to render (over {seconds} seconds); "
                    "is there a loop that never ends?",
                ).format(seconds=f"{self.time_limit:g}")
            )

    def check_size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple) and len(value) > MAX_VALUE_SIZE:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "a value grew too large (over {limit} characters)."
                ).format(limit=f"{MAX_VALUE_SIZE:,}")
            )
        return value

    def _refuse_size(self, size: int) -> None:
        if size > MAX_VALUE_SIZE:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "the result would be too large ({size} characters; at most {limit})."
                ).format(size=f"{size:,}", limit=f"{MAX_VALUE_SIZE:,}")
            )

    def _check_pad(self, width: Any) -> None:
        if isinstance(width, int) and width > MAX_PAD:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "a width of {width} is too large (at most {limit})."
                ).format(width=f"{width:,}", limit=f"{MAX_PAD:,}")
            )
        if isinstance(width, str) and len(width) > MAX_PAD:
            raise Refused(QT_TRANSLATE_NOOP("Sandbox", "the indentation is too long."))

    def _check_printf(self, text: str) -> None:
        for match in _PRINTF.finditer(text):
            for number in match.groups():
                if number == "*":
                    raise Refused(
                        QT_TRANSLATE_NOOP("Sandbox", "“*” widths are not allowed in % formatting.")
                    )
                if number is not None:
                    self._check_pad(int(number))

    def _check_printf_result(self, text: str, values: Any) -> None:
        """Refuse % formatting whose result would be too large, before building it."""
        items = values if isinstance(values, tuple) else (values,)
        total = len(text)
        for value in items[: len(_PRINTF.findall(text))]:
            total += _approx_size(value, MAX_VALUE_SIZE)
            self._refuse_size(total)

    def _check_format_result(
        self, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        """Refuse str.format whose result would be too large, before building it."""
        fields = sum(1 for _, name, _, _ in string.Formatter().parse(text) if name is not None)
        values = [*args, *kwargs.values()]
        largest = max((_approx_size(v, MAX_VALUE_SIZE) for v in values), default=0)
        self._refuse_size(len(text) + fields * largest)

    def _check_format(self, text: str) -> None:
        for _, _, spec, _ in string.Formatter().parse(text):
            if spec and "{" in spec:
                raise Refused(
                    QT_TRANSLATE_NOOP(
                        "Sandbox", "nested fields in a format specification are not allowed."
                    )
                )
            for number in re.findall(r"\d+", spec or ""):
                self._check_pad(int(number))

    def _joined(self, items: Any, separator: str) -> list[Any]:
        """``items`` as a list, refused if joining them would be too large."""
        found: list[Any] = []
        total = 0
        for item in islice(items, MAX_VALUE_SIZE + 1):
            found.append(item)
            total += _approx_size(item, MAX_VALUE_SIZE) + len(separator)
            self._refuse_size(total)
        self._refuse_size(len(found))
        return found

    def sized_concat(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]) -> str:
        self.tick()
        self._refuse_size(sum(_approx_size(p, MAX_VALUE_SIZE) for p in parts))
        return join(parts)

    def _finalize(self, value: Any) -> Any:
        if callable(value) and not isinstance(value, str | Undefined):
            # ``{{ wrap }}`` would print "<function _wrap at 0x…>" into a poster.
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "a helper cannot be shown as it is; call it with its arguments."
                )
            )
        if not isinstance(value, str):
            self._refuse_size(_approx_size(value, MAX_VALUE_SIZE))
        return value

    # -- interception points -----------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(
            QT_TRANSLATE_NOOP(
                "Sandbox", "“{name}” cannot be used in a template (blocked for safety)."
            ).format(name=attribute)
        )

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        inner = wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            self.tick()
            self._check_format(text)
            self._check_format_result(text, args, kwargs)
            return str(self.check_size(inner(*args, **kwargs)))

        return update_wrapper(checked, wrapped)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if not __self.is_safe_callable(__obj):
            raise SecurityError(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "“{name}()” cannot be called in a template (blocked for safety)."
                ).format(name=name)
            )
        if isinstance(owner, str | bytes) and not isinstance(owner, type):
            if name not in _STR_METHODS:
                raise SecurityError(
                    QT_TRANSLATE_NOOP(
                        "Sandbox", "“{name}()” cannot be called in a template."
                    ).format(name=name)
                )
            args = __self._check_str_call(owner, name, args, kwargs)
        elif name == "strftime" and args and isinstance(args[0], str) and len(args[0]) > 200:
            raise Refused(QT_TRANSLATE_NOOP("Sandbox", "the date format is too long."))
        return __self.check_size(__context.call(__obj, *args, **kwargs))

    def _check_str_call(
        self, text: str | bytes, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[Any, ...]:
        """Refuse a str method call whose result would be too large; returns its args."""
        if name == "replace" and len(args) >= 2:
            old, new = args[0], args[1]
            count = args[2] if len(args) > 2 else kwargs.get("count", -1)
            if isinstance(old, str | bytes) and isinstance(new, str | bytes):
                found = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
                if isinstance(count, int) and count >= 0:
                    found = min(found, count)
                self._refuse_size(len(text) + found * max(len(new) - len(old), 0))
        elif name in ("center", "ljust", "rjust", "zfill") and args:
            self._check_pad(args[0])
        elif name == "expandtabs":
            size = args[0] if args else kwargs.get("tabsize", 8)
            if isinstance(size, int):
                self._check_pad(size)
                tabs = text.count("\t") if isinstance(text, str) else text.count(b"\t")
                self._refuse_size(len(text) + tabs * size)
        elif name == "join" and args:
            # Counted while taking the items, so a generator is not used up twice.
            separator = text if isinstance(text, str) else ""
            return (self._joined(args[0], separator), *args[1:])
        return args

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        for operand in (left, right):
            # Arithmetic on huge numbers (from a long literal or |int) takes
            # quadratic time in one step, out of reach of the deadline.
            if isinstance(operand, int) and operand.bit_length() > MAX_INT_BITS:
                raise Refused(QT_TRANSLATE_NOOP("Sandbox", "a number is too large."))
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
                    self._refuse_size(len(seq) * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                self._check_bits(left.bit_length() + right.bit_length())
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                self._check_bits(max(left.bit_length(), 1) * right)
        elif operator == "+":
            if isinstance(left, str | bytes | list | tuple) and isinstance(
                right, str | bytes | list | tuple
            ):
                self._refuse_size(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            self._check_printf(left)
            self._check_printf_result(left, right)
        return self.check_size(super().call_binop(context, operator, left, right))

    def _check_bits(self, bits: int) -> None:
        if bits > MAX_INT_BITS:
            raise Refused(QT_TRANSLATE_NOOP("Sandbox", "a number would be too large."))

    # -- filters ------------------------------------------------------------------------

    def _guard_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        # Filters that take a context get it first: their own arguments follow.
        skip = 0 if _PassArg.from_obj(func) is None else 1
        checks: dict[str, Callable[[Sequence[Any], dict[str, Any]], None]] = {
            "center": lambda a, kw: self._check_pad(_arg(a, kw, 1, "width")),
            "indent": self._check_indent,
            "format": self._check_format_filter,
            "int": self._check_number_text,
            "float": self._check_number_text,
            "sum": self._check_sum,
            "replace": self._check_replace_filter,
            "slice": lambda a, kw: self._check_count(_arg(a, kw, 1, "slices")),
            "batch": lambda a, kw: self._check_count(_arg(a, kw, 1, "linecount")),
            "tojson": self._check_tojson,
            "wordwrap": self._check_wordwrap,
        }
        check = checks.get(name)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            own = args[skip:]
            if check is not None and own:
                check(own, kwargs)
            if name == "join" and own:
                separator = str(_arg(own, kwargs, 1, "d") or "")
                args = (*args[:skip], self._joined(own[0], separator), *own[1:])
            return self.check_size(func(*args, **kwargs))

        return update_wrapper(guarded, func)

    def _check_indent(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        width = _arg(args, kwargs, 1, "width")
        self._check_pad(width)
        text = args[0]
        if isinstance(text, str):
            pad = width if isinstance(width, int) else len(str(width or ""))
            self._refuse_size(len(text) + (text.count("\n") + 1) * pad)

    def _check_replace_filter(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        if len(args) >= 3:
            text, old, new = str(args[0]), str(args[1]), str(args[2])
            found = text.count(old) if old else len(text) + 1
            self._refuse_size(len(text) + found * max(len(new) - len(old), 0))

    def _check_format_filter(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        if isinstance(args[0], str):
            self._check_printf(args[0])
            self._check_printf_result(args[0], tuple(args[1:]) or tuple(kwargs.values()))

    def _check_number_text(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        # int("ffff…", 16) on a long text takes quadratic time in one step.
        if isinstance(args[0], str | bytes) and len(args[0]) > 1000:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox", "a number written with more than 1,000 characters is too long."
                )
            )

    def _check_sum(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        start = _arg(args, kwargs, 2, "start")
        if start is not None and not isinstance(start, int | float):
            raise Refused(QT_TRANSLATE_NOOP("Sandbox", "sum() adds numbers only."))

    def _check_tojson(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        self._check_count(_arg(args, kwargs, 1, "indent"))
        # JSON escapes can make a character up to six.
        self._refuse_size(_approx_size(args[0], MAX_VALUE_SIZE) * 6)

    def _check_wordwrap(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        wrapstring = _arg(args, kwargs, 3, "wrapstring")
        if wrapstring is not None and len(str(wrapstring)) > 10:
            raise Refused(
                QT_TRANSLATE_NOOP(
                    "Sandbox",
                    "the line break given to wordwrap is too long (at most 10 characters).",
                )
            )
        if len(str(args[0])) > 100_000:
            raise Refused(
                QT_TRANSLATE_NOOP("Sandbox", "wordwrap takes at most 100,000 characters.")
            )

    def _check_count(self, value: Any) -> None:
        if isinstance(value, int) and value > MAX_PAD:
            raise Refused(
                QT_TRANSLATE_NOOP("Sandbox", "{value} is too large here (at most {limit}).").format(
                    value=f"{value:,}", limit=f"{MAX_PAD:,}"
                )
            )
