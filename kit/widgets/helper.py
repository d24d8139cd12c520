"""Help with a worksheet, never the writing: what it is, a prompt, a question, a values sort, activity ideas.

Everything here shows curated text from the kit (labelled so) or a checked, labelled AI question; nothing here
writes into a worksheet's own answer cells. What the person chooses in the values card sort or the activity
picker is kept as their own entry, in the helper's cell, the way the JournalWidget keeps entries.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.content import glossary
from kit.content.bank import activities, prompts, values
from kit.content.glossary import explain
from kit.errors import KitError
from kit.labels import CURATED
from kit.outputs.packet_html import render_markdown
from kit.reflection.reflect import summarize
from kit.widgets import _shell
from kit.widgets._shell import Shown
from kit.widgets.journal import JournalWidget, notebook_template

BOUNDARY = "The kit can explain, suggest prompts and ask questions; the writing is yours."

# The journal-prompt topic that fits each worksheet best (None: any topic).
PROMPT_TOPICS: dict[str, str | None] = {
    "daily-journal": None,
    "cbt-thought-record": "uncomfortable-emotions",
    "behavioural-activation": "joy",
    "values-clarification": "values",
    "dbt-diary-card": "uncomfortable-emotions",
    "chain-analysis": "change-and-goals",
    "worry-log": "fears",
    "three-good-things": "gratitude",
    "woop-goals": "change-and-goals",
    "closed-mind-beliefs": "identity",
    "grounding-alternatives": "body-and-sleep",
}

# Prompts that share a worksheet's topic but pull away from its task: a thought record is about one situation,
# its thoughts and feelings, not anger or childhood in general.
PROMPT_AVOID: dict[str, frozenset[str]] = {
    "cbt-thought-record": frozenset({"anger", "childhood", "loneliness-and-belonging"}),
    "dbt-diary-card": frozenset({"childhood", "loneliness-and-belonging"}),
}

# The glossary term a worksheet is about, shown first under "What is this worksheet?".
WORKSHEET_TERMS: dict[str, str] = {
    "daily-journal": "journaling",
    "cbt-thought-record": "thought record",
    "behavioural-activation": "behavioural activation",
    "values-clarification": "values vs goals",
    "dbt-diary-card": "diary card",
    "chain-analysis": "chain analysis",
    "worry-log": "worry postponement",
    "three-good-things": "three good things",
    "woop-goals": "WOOP",
    "closed-mind-beliefs": "beliefs of a closed mind",
    "grounding-alternatives": "grounding",
    "safety-plan": "safety plan",
}


def to_html(markdown: str) -> str:
    """Markdown as HTML for a widget; raw HTML in the text is escaped, never rendered."""
    return render_markdown(markdown)


def _labelled(markdown: str, label: str) -> str:
    return f"{to_html(markdown)}<p><small><em>{html.escape(label)}</em></small></p>"


def related_terms(template: str | None) -> list[str]:
    """Glossary terms for a worksheet: its own concept first, then every item that names the worksheet."""
    terms: list[str] = []
    if template in WORKSHEET_TERMS:
        terms.append(glossary.explain(WORKSHEET_TERMS[template]).item.term)
    for item in glossary.items():
        if template in item.templates and item.term not in terms:
            terms.append(item.term)
    return terms


class WorksheetHelper(Shown):
    """Three buttons: "What is this worksheet?", "Give me a prompt", "Ask me a question about what I wrote".

    The answer shows under the buttons, labelled as curated text or as AI-written. Nothing is written into the
    notebook by this widget: its answers are help for the moment, and the worksheet's fields stay the person's.
    """

    def __init__(
        self,
        template: str | None = None,
        *,
        model: Any = None,
        index: Any = None,
        seed: int | None = None,
        show: bool = True,
    ) -> None:
        if template is None:
            path, _ = _shell.find_notebook()
            template = notebook_template(path) if path is not None else None
        self.template = template
        self._model, self._index, self._seed = model, index, seed
        self._seen: list[str] = []
        terms = related_terms(template)
        self.concept = w.Dropdown(
            options=terms or ["thought record"], description="About", layout=w.Layout(width="32em")
        )
        self.explain_button = w.Button(description="What is this worksheet?", icon="book")
        self.prompt_button = w.Button(description="Give me a prompt", icon="pencil")
        self.question_button = w.Button(description="Ask me a question about what I wrote", icon="question")
        for button in (self.explain_button, self.prompt_button, self.question_button):
            button.layout = w.Layout(width="auto")
        self.answer = w.HTML()
        self.explain_button.on_click(lambda _: self.explain())
        self.prompt_button.on_click(lambda _: self.prompt())
        self.question_button.on_click(lambda _: self.question())
        self.box = w.VBox(
            [
                w.HBox([self.explain_button, self.prompt_button, self.question_button]),
                self.concept,
                self.answer,
                w.HTML(f"<small>{html.escape(BOUNDARY)} Not medical or therapeutic advice.</small>"),
            ]
        )
        if show:
            self._ipython_display_()

    def explain(self) -> str:
        """The glossary's text on the chosen concept (this worksheet's, unless another was picked)."""
        try:
            explanation = explain(self.concept.value)
        except KitError as exc:
            return self._show_error(exc)
        self.answer.value = _labelled(explanation.to_markdown(), CURATED)
        return self.answer.value

    def prompt(self) -> str:
        """A journal prompt from the curated bank, on this worksheet's topic; a new one each click."""
        topic = PROMPT_TOPICS.get(self.template or "")
        seed = None if self._seed is None else self._seed + len(self._seen)
        avoid = PROMPT_AVOID.get(self.template or "", frozenset())
        try:
            offered = prompts(topic, n=50, seed=seed, exclude=self._seen)
        except KitError as exc:
            return self._show_error(exc)
        picked = [p for p in offered if avoid.isdisjoint(p.topics)]
        if not picked:  # every fitting prompt was shown: start the round again
            self._seen.clear()
            offered = prompts(topic, n=50, seed=seed)
            picked = [p for p in offered if avoid.isdisjoint(p.topics)] or offered
        self._seen.append(picked[0].id)
        self.answer.value = to_html(picked[0].to_markdown())
        return self.answer.value

    def question(self) -> str:
        """Open questions about this worksheet's entries (coach "questions" mode: the model only asks)."""
        self.answer.value = (
            "<p>Reading your entries, then a model on this computer writes a question "
            "(the first time it loads, which can take a minute)…</p>"
        )
        progress = _shell.writing_progress(
            lambda said: setattr(self.answer, "value", f"<p>{said}</p>"), "Writing a question"
        )

        try:
            reflection = summarize(
                template=self.template,
                model=self._model,
                index=self._index,
                mode="questions",
                progress=progress,
                index_progress=_shell.index_progress(
                    lambda said: setattr(self.answer, "value", f"<p>{said}</p>")
                ),
            )
        except KitError as exc:
            return self._show_error(exc)
        self.answer.value = to_html(reflection.text)
        return self.answer.value

    def _show_error(self, exc: Exception) -> str:
        self.answer.value = f"<p>{html.escape(str(exc))}</p>"
        return self.answer.value


class _Keeper(Shown):
    """A widget whose choices become the person's entries, kept like the JournalWidget's (write-ahead first)."""

    field = "choices"

    def _sink(self, template: str | None) -> Any:
        return JournalWidget(template=template, field=self.field, mood=False, show=False)

    def _ipython_display_(self) -> None:
        if not self._shown:
            super()._ipython_display_()
            self.journal.show_outputs()  # the choices kept before, then room for new ones


class ValuesCardSort(_Keeper):
    """One value at a time: very important, important or less important to me. The sort is the person's.

    "Keep my sort" keeps the three piles as an entry of this cell (write-ahead file first, like the
    JournalWidget), so it is in the notebook after the next save and searchable before it.
    """

    field = "values-card-sort"
    PILES = ("Very important to me", "Important to me", "Less important to me right now")

    def __init__(self, template: str | None = "values-clarification", *, show: bool = True) -> None:
        self.values = values()
        self.piles: dict[str, list[str]] = {pile: [] for pile in self.PILES}
        self._order: list[tuple[str, str]] = []  # (value, pile) in the order sorted, for Back
        self.journal = self._sink(template)
        self.card = w.HTML()
        self.pile_buttons = [w.Button(description=pile, layout=w.Layout(width="auto")) for pile in self.PILES]
        for pile, button in zip(self.PILES, self.pile_buttons, strict=True):
            button.on_click(lambda _, pile=pile: self.choose(pile))
        self.back_button = w.Button(description="Back", icon="undo")
        self.back_button.on_click(lambda _: self.back())
        self.keep_button = w.Button(description="Keep my sort", button_style="primary", icon="save")
        self.keep_button.on_click(lambda _: self.keep())
        self.summary = w.HTML()
        self.box = w.VBox(
            [
                self.card,
                w.HBox([*self.pile_buttons, self.back_button]),
                self.summary,
                w.HBox([self.keep_button, self.journal.status]),
                w.HTML(f"<small>{html.escape(CURATED)} {html.escape(BOUNDARY)}</small>"),
            ]
        )
        self._render()
        if show:
            self._ipython_display_()

    @property
    def current(self) -> Any:
        """The value card on top, or None once every card is sorted."""
        done = len(self._order)
        return self.values[done] if done < len(self.values) else None

    def choose(self, pile: str) -> None:
        if pile not in self.piles:
            raise ValueError(f"pile must be one of {', '.join(self.PILES)}")
        value = self.current
        if value is None:
            return
        self.piles[pile].append(value.name)
        self._order.append((value.name, pile))
        self._render()

    def back(self) -> None:
        if self._order:
            name, pile = self._order.pop()
            self.piles[pile].remove(name)
            self._render()

    def text(self) -> str:
        """The sort as the entry will hold it: one line per pile, in the order the person sorted."""
        lines = [f"{pile}: {', '.join(names)}" for pile, names in self.piles.items() if names]
        return "Values card sort\n\n" + "\n".join(lines) if lines else ""

    def keep(self) -> dict[str, Any] | None:
        return self.journal.keep(self.text())

    def _render(self) -> None:
        value = self.current
        done, total = len(self._order), len(self.values)
        if value is None:
            self.card.value = (
                f"<p><b>All {total} values sorted.</b> Keep your sort, or go back to change it.</p>"
            )
        else:
            self.card.value = (
                f"<p><small>Card {done + 1} of {total}</small></p>"
                f"<h4>{html.escape(value.name)}</h4><p>{html.escape(value.meaning)}</p>"
            )
        self.summary.value = "".join(
            f"<p><b>{html.escape(pile)}</b>: {html.escape(', '.join(names))}</p>"
            for pile, names in self.piles.items()
            if names
        )


class ActivityPicker(_Keeper):
    """Pleasant activities from the kit's list, filtered by effort, cost, company and place; the person picks."""

    field = "activity-ideas"
    ANY = "any"

    def __init__(self, template: str | None = "behavioural-activation", *, show: bool = True) -> None:
        self.all = activities()
        self.journal = self._sink(template)

        def options(attr: str) -> list[str]:
            return [self.ANY, *sorted({getattr(a, attr) for a in self.all})]

        self.effort = w.Dropdown(options=options("effort"), description="Effort")
        self.cost = w.Dropdown(options=options("cost"), description="Cost")
        self.social = w.Dropdown(options=options("social"), description="With")
        self.setting = w.Dropdown(options=options("setting"), description="Where")
        self.choices = w.SelectMultiple(options=[], rows=12, layout=w.Layout(width="32em"))
        for control in (self.effort, self.cost, self.social, self.setting):
            control.observe(lambda _: self._filter(), names="value")
        self.keep_button = w.Button(description="Keep the ones I chose", button_style="primary", icon="save")
        self.keep_button.on_click(lambda _: self.keep())
        self.box = w.VBox(
            [
                w.HBox([self.effort, self.cost]),
                w.HBox([self.social, self.setting]),
                w.HTML("<small>Pick any that appeal (Ctrl or Shift + click for several).</small>"),
                self.choices,
                w.HBox([self.keep_button, self.journal.status]),
                w.HTML(f"<small>{html.escape(CURATED)} {html.escape(BOUNDARY)}</small>"),
            ]
        )
        self._filter()
        if show:
            self._ipython_display_()

    def shown(self) -> list[Any]:
        """The activities that match the filters."""
        wanted = {
            attr: control.value
            for attr, control in (
                ("effort", self.effort),
                ("cost", self.cost),
                ("social", self.social),
                ("setting", self.setting),
            )
            if control.value != self.ANY
        }
        return [a for a in self.all if all(getattr(a, k) == v for k, v in wanted.items())]

    def text(self) -> str:
        picked = list(self.choices.value)
        return "Activities I'd like to try\n\n" + "\n".join(f"- {name}" for name in picked) if picked else ""

    def keep(self) -> dict[str, Any] | None:
        entry = self.journal.keep(self.text())
        if entry is not None:
            self.choices.value = ()
        return entry

    def _filter(self) -> None:
        chosen = set(self.choices.value)
        names = [a.name for a in self.shown()]
        self.choices.options = names
        self.choices.value = tuple(n for n in names if n in chosen)
