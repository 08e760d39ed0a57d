"""The fit/check split: fixed by a hash, grouped, about one in three held out."""

import pytest

from dateline.evaluate.parts import check_part, in_part, part_of, select


def test_the_same_key_always_falls_in_the_same_part() -> None:
    keys = [f"outlet-{n}" for n in range(300)]
    assert [part_of(k) for k in keys] == [part_of(k) for k in keys]
    # case and surrounding space do not move a key
    assert part_of("Reuters") == part_of(" reuters ")


def test_about_a_third_of_keys_are_held_out() -> None:
    share = sum(part_of(f"sentence {n}") == "check" for n in range(3000)) / 3000
    assert 0.30 < share < 0.37


def test_select_keeps_order_and_groups_never_straddle() -> None:
    items = [(f"doc{n % 40}", n) for n in range(400)]
    fit = list(select(items, lambda item: item[0], "fit"))
    check = list(select(items, lambda item: item[0], "check"))
    assert len(fit) + len(check) == 400
    assert {g for g, _ in fit}.isdisjoint({g for g, _ in check})
    assert [n for _, n in fit] == sorted(n for _, n in fit)
    assert list(select(items, lambda item: item[0], "all")) == items
    assert all(in_part(g, "all") for g, _ in items)


def test_an_unknown_part_names_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="fit, check, all"):
        check_part("train")


def test_an_outlet_key_is_the_registrable_domain() -> None:
    from dateline.evaluate.parts import outlet_key

    assert outlet_key("https://m-en.yna.co.kr/view/AEN2020") == "yna.co.kr"
    assert outlet_key("en.yna.co.kr") == outlet_key("yna.co.kr")
    assert outlet_key("in.news.yahoo.com") == outlet_key("news.yahoo.com") == "yahoo.com"
    assert outlet_key("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert outlet_key("edition.cnn.com") == "cnn.com"
    assert outlet_key(None) == ""


def test_cross_fitting_folds_are_fixed_and_even() -> None:
    from collections import Counter

    from dateline.evaluate.parts import fold_of

    keys = [f"sentence {n}" for n in range(2500)]
    folds = [fold_of(k, 5) for k in keys]
    assert folds == [fold_of(k, 5) for k in keys]
    assert fold_of("Reuters", 5) == fold_of(" reuters ", 5)
    assert all(400 < n < 600 for n in Counter(folds).values())
    # the folds do not follow the fit/check split
    assert len({fold_of(k, 5) for k in keys if part_of(k) == "check"}) == 5
