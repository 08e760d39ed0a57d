"""A place name shared by several towns is the one the article is about.

The sentences are written for these tests. Order of evidence: a country or region named beside
the place, then the dateline's, the actors' and the article's countries, then population; a
small town stands only in a country the article is about, and a famous city is not lost to a
small namesake unless the text says so.
"""

from __future__ import annotations

from dateline.model import Actor, Article, Event
from dateline.place.event_place import place_event


def _placed(sentence: str, body: str = "", dateline: str | None = None, source: Actor | None = None) -> Event:
    trigger = sentence.split()[1]
    event = Event(
        type="ASSAULT",
        cameo="190",
        source=source or Actor("gunmen"),
        target=None,
        trigger=trigger,
        trigger_start=sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=0,
        sentence_end=len(sentence),
    )
    article = Article(doc_id="d", position=0, start=0, end=1, body=body or sentence, dateline_place=dateline)
    return place_event(event, article)


def test_the_article_country_picks_among_homonyms() -> None:
    sentence = "Crowds marched in Tripoli after Friday prayers."
    assert _placed(sentence, f"Lebanese police watched. {sentence}").place_country == "LBN"
    assert _placed(sentence, f"Libyan police watched. {sentence}").place_country == "LBY"
    assert _placed(sentence, dateline="Beirut").place_country == "LBN"
    assert _placed(sentence, source=Actor("police", "LBN", "COP")).place_country == "LBN"


def test_a_country_or_region_beside_the_place_decides() -> None:
    placed = _placed("Police clashed with farmers in Paris, Texas, on Sunday.")
    assert placed.place_country == "USA" and placed.longitude is not None and placed.longitude < -90
    placed = _placed("Fighters stormed a checkpoint in Hyderabad, Pakistan.")
    assert placed.place_country == "PAK"


def test_a_famous_city_is_not_lost_to_a_small_namesake() -> None:
    sentence = "Ministers met in Paris to discuss the truce."
    placed = _placed(sentence, f"American officials said. {sentence}")
    assert placed.place_country == "FRA"


def test_small_towns_get_their_country_and_coordinates() -> None:
    placed = _placed("Gunmen attacked a church in the village of Kuje.", "Nigerian officials said so.")
    assert placed.place == "Kuje" and placed.place_country == "NGA"
    assert placed.latitude is not None and 8 < placed.latitude < 10
    placed = _placed("Troops recaptured Kidal after weeks of fighting.", "Malian troops recaptured Kidal.")
    assert placed.place == "Kidal" and placed.place_country == "MLI"


def test_a_province_named_after_its_town() -> None:
    placed = _placed("Fighters overran a post in Ghazni province.", dateline="Kabul")
    assert placed.place_country == "AFG" and placed.latitude is not None and 33 < placed.latitude < 34


def test_months_are_times_not_towns() -> None:
    placed = _placed("Rioters burned shops in March.", dateline="Lagos")
    assert placed.place == "Lagos" and placed.place_country == "NGA"


def test_regions_institutions_and_organisations_are_no_towns() -> None:
    assert _placed("Senators clashed in Congress over the bill.", "American senators.").place is None
    assert _placed("Militias fought across the Middle East.", "American officials.").place is None
    placed = _placed("The envoy, speaking at the Atlantic Council in Washington, said so.", "American.")
    assert placed.place == "Washington" and placed.place_country == "USA"


def test_the_people_after_a_verb_of_taking_are_not_a_place() -> None:
    placed = _placed("Militias shelled the Turkish province of Kilis overnight.")
    assert placed.place == "Kilis" and placed.place_country == "TUR"
    assert _placed("Soldiers overran Dutch peacekeepers.").place is None


def test_a_landmark_inside_a_longer_name_is_not_the_landmark() -> None:
    placed = _placed(
        "Trump agreed at a National Security Council meeting to keep troops there.", dateline="Washington"
    )
    assert placed.place == "Washington"


def _in_body(
    body: str, sentence: str, source: Actor, dateline: str | None = None, kind: str = "ASSAULT"
) -> Event:
    start = body.index(sentence)
    trigger = sentence.split()[1]
    event = Event(
        type=kind,
        cameo="190",
        source=source,
        target=None,
        trigger=trigger,
        trigger_start=start + sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=start,
        sentence_end=start + len(sentence),
    )
    article = Article(doc_id="d", position=0, start=0, end=1, body=body, dateline_place=dateline)
    return place_event(event, article)


def test_a_place_carries_to_the_next_sentence_of_the_same_actors() -> None:
    body = (
        "Gunmen stormed a village near Kidal on Sunday. They burned the market and fled. "
        "Washington condemned the raid."
    )
    placed = _in_body(body, "They burned the market and fled.", Actor("gunmen"), dateline="Bamako")
    assert placed.place == "Kidal" and placed.place_country == "MLI"
    placed = _in_body(
        body, "Washington condemned the raid.", Actor("United States", "USA"), dateline="Bamako"
    )
    assert placed.place_country != "MLI" or placed.place == "Bamako"


def test_a_statement_does_not_carry_the_place_it_is_about() -> None:
    body = "Rebels shelled a market near Kidal. The ministry demanded an inquiry."
    placed = _in_body(body, "The ministry demanded an inquiry.", Actor("ministry"), "Bamako", "REQUEST")
    assert placed.place == "Bamako"


def test_a_country_named_right_after_a_sentence_end_counts() -> None:
    # "Hyderabad. Pakistani" is no three-word name: the second sentence names Pakistan
    sentence = "Two killed in bomb blast in Hyderabad."
    placed = _placed(sentence, f"{sentence} Pakistani police said the blast hit a market.")
    assert placed.place_country == "PAK"


def test_a_region_beside_a_town_says_its_country_though_the_gazetteer_lacks_the_town() -> None:
    placed = _placed("Troops killed three militants in Kalat, Zabul province, on Monday.")
    assert placed.place == "Kalat" and placed.place_country == "AFG"


def test_a_town_the_gazetteer_lacks_is_named_in_its_country() -> None:
    syrian = Actor("Syrian army forces", "SYR", "MIL")
    event = _placed(
        "Twelve were killed in clashes at the town of Kobani, near the Turkish border.", source=syrian
    )
    assert (event.place, event.place_country) == ("Kobani", "SYR")
    event = _placed("Police killed two men in the village of Beni Khair in Libya.")
    assert (event.place, event.place_country) == ("Beni Khair", "LBY")


def test_a_short_word_opening_an_unknown_name_is_not_a_place() -> None:
    # "Ras" is an alternate name of Rasht in Iran; "Ras Baalbek" is a Lebanese town
    event = _placed(
        "Troops shelled a base in the mountain town of Ras Baalbek.", source=Actor("troops", "LBN")
    )
    assert (event.place, event.place_country) == ("Ras Baalbek", "LBN")


def test_a_country_before_the_settlement_word_places_the_town() -> None:
    event = _placed("Gunmen attacked neighbourhoods of the Dominican capital, San Jose Rondon, on Saturday.")
    assert event.place_country == "DOM"
    event = _placed("Gunmen shelled the Syrian town of Kobani on Sunday.")
    assert (event.place, event.place_country) == ("Kobani", "SYR")


def test_a_country_capital_by_its_people_or_possessive() -> None:
    event = _placed("Gunmen abducted three Americans from a bar near the Italian capital.")
    assert (event.place, event.place_country) == ("Rome", "ITA")
    event = _placed("Protesters clashed with police in the streets of Cuba's capital.")
    assert (event.place, event.place_country) == ("Havana", "CUB")
    event = _placed("Police killed 11 people in clashes in the capital, Nairobi.")
    assert (event.place, event.place_country) == ("Nairobi", "KEN")


def test_a_place_qualified_by_its_country_possessive() -> None:
    event = _placed("Jets struck targets in Syria's Idlib province on Monday.")
    assert (event.place, event.place_country) == ("Idlib", "SYR")


def test_a_place_written_with_its_country_holds_in_the_article() -> None:
    sentence = "Gunmen killed a mayor in the district of Santos."
    event = _placed(sentence, f"Santos, Colombia -- Police said on Thursday. {sentence}")
    assert (event.place, event.place_country) == ("Santos", "COL")
    assert _placed(sentence).place_country == "BRA"
    sentence = "Gunmen killed four at a bar in El Valle, Puerto Rico's capital."
    assert _placed(sentence).place_country == "PRI"


def test_a_state_is_not_a_village_of_its_name() -> None:
    event = _placed("Agents arrested the filmmaker in California on Tuesday.", source=Actor("agents", "USA"))
    assert (event.place, event.place_country, event.latitude) == ("California", "USA", None)


def test_where_a_person_is_based_is_not_where_the_act_was() -> None:
    event = _placed("Police detained Jansen, a professor based in Groningen, last year.")
    assert event.place is None


def test_organisations_and_bodies_are_not_places() -> None:
    assert _placed("Students protested at the University of Washington.").place is None
    event = _placed("Russia and Ukraine signed a deal with the United Nations and Turkey.")
    assert event.place is None
    assert _placed("Diplomats met at the United Nations on Friday.").place == "New York"


def test_a_region_several_countries_have_is_the_one_with_the_town_beside_it() -> None:
    # India and Pakistan both have a Punjab; Sialkot is in Pakistan's.
    placed = _placed("Farmers protested in Sialkot, Punjab, on Monday.")
    assert (placed.place, placed.place_country) == ("Sialkot", "PAK")
    placed = _placed("Farmers protested in Ludhiana, Punjab, on Monday.")
    assert (placed.place, placed.place_country) == ("Ludhiana", "IND")
    # Named alone, such a region says nothing of which country the article is about.
    placed = _placed(
        "Police fired tear gas in Lahore.", "Protests spread across Punjab. Police fired tear gas in Lahore."
    )
    assert placed.place_country == "PAK"


def test_areas_and_parts_of_a_town_are_in_the_town() -> None:
    placed = _placed("Artillery shelled residential areas of Kherson overnight.")
    assert (placed.place, placed.place_country) == ("Kherson", "UKR")
    placed = _placed("Gunmen attacked parts of Maiduguri on Sunday.")
    assert placed.place == "Maiduguri"
