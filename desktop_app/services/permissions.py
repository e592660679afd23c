"""Permission guards for use cases: every write (and every single-record read) checks the acting
user's role and division scope before it runs, for the GUI and the command line alike.

``@guarded(ACTION, scope=...)`` wraps a service function; ``scope(ctx, kwargs)`` returns the
division codes the call touches (all must lie inside the actor's scope). The registry of guarded
functions lets one table-driven test call every use case as every role.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop_app.domain.actor import Actor
from desktop_app.domain.security import in_scope, require, scope_prefix
from desktop_app.services.context import ServiceContext

F = TypeVar("F", bound=Callable[..., Any])
ScopeOf = Callable[[ServiceContext, dict[str, Any]], Iterable[str | None]]
"""Given the context and the call's bound arguments (by name), the division codes it touches."""


@dataclass(frozen=True)
class Guard:
    """What a guarded function requires: an action, whether it checks division scope, and
    whether it takes the acting user as ``actor=`` instead of a context (file use cases)."""

    qualified_name: str
    action: str
    scoped: bool
    by_actor: bool = False


REGISTRY: dict[str, Guard] = {}


def guarded(action: str, *, scope: ScopeOf | None = None) -> Callable[[F], F]:
    """Require ``action`` (and, with ``scope``, that every touched division is in the actor's scope)."""

    def wrap(fn: F) -> F:
        name = f"{fn.__module__}.{fn.__qualname__}"
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def inner(ctx: ServiceContext, *args: Any, **kwargs: Any) -> Any:
            require(ctx.actor, action)
            if scope is not None:
                arguments = signature.bind(ctx, *args, **kwargs).arguments
                for code in scope(ctx, arguments):
                    if code is not None:
                        require(ctx.actor, action, division_code=code)
            return fn(ctx, *args, **kwargs)

        REGISTRY[name] = Guard(name, action, scope is not None)
        inner.guard = REGISTRY[name]  # type: ignore[attr-defined]
        return inner  # type: ignore[return-value]

    return wrap


def guarded_by_actor(action: str) -> Callable[[F], F]:
    """For use cases on database files that run without an open context (restoring or copying a
    file): require ``action`` of the keyword argument ``actor``."""

    def wrap(fn: F) -> F:
        name = f"{fn.__module__}.{fn.__qualname__}"

        @functools.wraps(fn)
        def inner(*args: Any, actor: Actor, **kwargs: Any) -> Any:
            require(actor, action)
            return fn(*args, actor=actor, **kwargs)

        REGISTRY[name] = Guard(name, action, scoped=False, by_actor=True)
        inner.guard = REGISTRY[name]  # type: ignore[attr-defined]
        return inner  # type: ignore[return-value]

    return wrap


def scope_filter(ctx: ServiceContext) -> str | None:
    """A LIKE pattern (``4108xx%``) limiting division codes to the actor's scope; None for the city."""
    prefix = scope_prefix(ctx.actor.scope_code)
    return None if len(prefix) <= 4 else prefix + "%"


def visible(ctx: ServiceContext, division_code: str | None) -> bool:
    """True when a record of this division lies inside the actor's scope."""
    return division_code is None or in_scope(ctx.actor.scope_code, division_code)
