"""Cross-fitted measurement on the fit part: every record coded by models that never saw it.

The shipped models are fitted on the whole fit part, so the fit figures they give are
in-sample. Cross-fitting splits the fit part into folds by the same key that decides a
record's part (its text, `parts.fold_of`), fits the learned parts (type classifier, target
ranker) on the other folds, in process with their
own training code and seeds, and codes each record with its fold's models. The gap
between the check figure and this one is then a real figure.

To keep it quick, the fold models take one regularisation strength (`FOLD_C`, the
library's default, chosen without looking at any data) instead of choosing one of a grid
by an inner cross-validation; the ranker's thresholds are still chosen on its fold's data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.evaluate.events import Coding
from dateline.evaluate.parts import fold_of

FOLD_C = (1.0,)


def cross_fitted(data: Path, folds: int, say: Callable[[str], None] | None = None) -> Coding:
    """A `Coding` whose models for a text are those fitted without the text's fold.

    `data` is the events folder of the development data (its fit parts train the models).
    """
    from dateline.events import role_training, training

    if folds < 2:
        raise ValueError("cross-fitting needs at least 2 folds")
    say = say or (lambda _message: None)
    say("parsing the fit parts for the event-type classifier")
    examples = training.load_examples(data, "fit")
    say("... for the target ranker")
    items = role_training._items(data, "fit")
    groups = role_training.load_groups(data, "fit")
    models: list[dict[str, Any]] = []
    for k in range(folds):
        say(f"fitting the models of fold {k + 1} of {folds}")
        type_model, _ = training.fit([e for e in examples if fold_of(e.text, folds) != k], FOLD_C)
        ranker, _ = role_training.fit(
            [g for g in groups if fold_of(items[g.text][1], folds) != k], c_grid=FOLD_C
        )
        fold: dict[str, Any] = {"model": type_model, "ranker": ranker}
        models.append(fold)
    return Coding(lambda text: models[fold_of(text, folds)])
