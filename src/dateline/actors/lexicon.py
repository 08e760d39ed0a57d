"""Word lists for actor coding: sector nouns, title words, international and armed groups.

Sector codes are the CAMEO/PLOVER agent codes. These are facts about English usage and
about well-known organisations, not rules tuned to any text.
"""

from __future__ import annotations

# Lemma of a role/sector noun -> sector. A noun here can head an actor phrase on its own
# ("the government", "Israeli troops"); with a country it becomes "ISR MIL".
SECTOR_NOUNS: dict[str, str] = {
    # government and diplomacy
    "president": "GOV", "minister": "GOV", "premier": "GOV", "chancellor": "GOV", "envoy": "GOV",
    "secretary": "GOV", "ambassador": "GOV", "diplomat": "GOV", "spokesman": "GOV",
    "spokeswoman": "GOV", "spokesperson": "GOV", "ministry": "GOV", "government": "GOV",
    "leader": "GOV", "official": "GOV", "administration": "GOV", "cabinet": "GOV", "king": "GOV",
    "queen": "GOV", "prince": "GOV", "emir": "GOV", "sultan": "GOV", "governor": "GOV",
    "mayor": "GOV", "authority": "GOV", "counterpart": "GOV", "negotiator": "GOV",
    "director": "GOV", "state": "GOV", "regime": "GOV", "department": "GOV", "embassy": "GOV",
    "consul": "GOV", "delegation": "GOV", "delegate": "GOV", "representative": "GOV",
    "junta": "GOV", "monarch": "GOV", "commission": "GOV", "council": "GOV", "agency": "GOV",
    # military
    "army": "MIL", "troop": "MIL", "force": "MIL", "general": "MIL", "military": "MIL",
    "soldier": "MIL", "navy": "MIL", "aircraft": "MIL", "jet": "MIL", "warplane": "MIL",
    "helicopter": "MIL", "tank": "MIL", "commander": "MIL", "militiaman": "MIL", "artillery": "MIL",
    "gunship": "MIL", "marine": "MIL", "warship": "MIL", "battalion": "MIL", "peacekeeper": "MIL",
    "defense": "MIL", "defence": "MIL",
    # police and security
    "police": "COP", "policeman": "COP", "officer": "COP", "security": "COP",
    # rebels and armed groups
    "rebel": "REB", "insurgent": "REB", "militant": "REB", "guerrilla": "REB", "militia": "REB",
    "separatist": "REB", "gunman": "REB", "fighter": "REB", "terrorist": "REB", "extremist": "REB",
    "jihadist": "REB",
    # politics
    "opposition": "OPP", "dissident": "OPP", "activist": "OPP", "party": "PTY",
    "court": "JUD", "judge": "JUD", "prosecutor": "JUD", "tribunal": "JUD",
    "parliament": "LEG", "lawmaker": "LEG", "legislator": "LEG", "congress": "LEG", "senate": "LEG",
    "senator": "LEG", "assembly": "LEG", "legislature": "LEG", "mp": "LEG", "speaker": "LEG",
    # society
    "company": "BUS", "firm": "BUS", "businessman": "BUS", "corporation": "BUS", "bank": "BUS",
    "media": "MED", "journalist": "MED", "newspaper": "MED", "reporter": "MED",
    "doctor": "MED", "student": "EDU", "university": "EDU", "teacher": "EDU",
    "civilian": "CVL", "resident": "CVL", "villager": "CVL", "citizen": "CVL", "people": "CVL",
    "national": "CVL", "worker": "LAB", "union": "LAB", "farmer": "AGR",
    "refugee": "REF", "detainee": "CVL", "prisoner": "CVL", "demonstrator": "CVL",
    "protester": "CVL", "protestor": "CVL", "missionary": "REL", "cleric": "REL", "church": "REL",
    "inhabitant": "CVL", "community": "CVL", "hostage": "CVL",
}

# Role nouns that usually stand for one named person of a country ("his Japanese
# counterpart"): the article may name that person elsewhere.
PERSON_ROLES = frozenset({
    "counterpart", "envoy", "minister", "president", "premier", "ambassador", "diplomat",
    "leader", "official", "negotiator", "secretary", "chancellor", "spokesman", "spokeswoman",
    "spokesperson", "king", "director", "general", "commander",
})

# Words of a title in front of a name; stripped to get the bare name.
TITLE_WORDS = frozenset({
    "president", "elect", "vice", "prime", "minister", "deputy", "foreign", "defense", "defence",
    "secretary", "of", "state", "general", "chief", "envoy", "ambassador", "king", "queen",
    "prince", "princess", "sheikh", "emir", "chancellor", "premier", "leader", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "mr", "mrs", "ms", "dr", "sir", "lord",
    "pope", "archbishop", "bishop", "cardinal", "rev", "gen", "col", "lt", "maj", "capt", "adm",
    "lieutenant", "colonel", "major", "captain", "admiral", "commander", "marshal", "director",
    "spokesman", "spokeswoman", "ousted", "former", "acting", "interior", "finance", "trade",
    "justice", "home", "junior", "senior", "top", "new", "special", "affairs", "national",
    "security", "adviser", "advisor", "speaker", "chairman", "chairwoman", "head", "the",
    "supreme", "nuclear", "negotiator", "unification", "economy", "army", "police",
})

# International organisations and well-known NGOs: name or abbreviation -> sector.
# Matched on the normalised text of a name or its first token(s).
GROUPS: dict[str, tuple[str | None, str]] = {
    "united nations": (None, "IGO"), "un": (None, "IGO"), "u n": (None, "IGO"),
    "security council": (None, "IGO"), "unhcr": (None, "IGO"), "unicef": (None, "IGO"),
    "world food program": (None, "IGO"), "world food programme": (None, "IGO"), "wfp": (None, "IGO"),
    "nato": (None, "IGO"), "north atlantic treaty organization": (None, "IGO"),
    "european union": (None, "IGO"), "eu": (None, "IGO"), "european community": (None, "IGO"),
    "ec": (None, "IGO"), "european commission": (None, "IGO"), "african union": (None, "IGO"),
    "au": (None, "IGO"), "arab league": (None, "IGO"), "asean": (None, "IGO"), "opec": (None, "IGO"),
    "osce": (None, "IGO"), "ecowas": (None, "IGO"), "iaea": (None, "IGO"), "imf": (None, "IGO"),
    "world bank": (None, "IGO"), "wto": (None, "IGO"), "who": (None, "IGO"),
    "world health organization": (None, "IGO"), "icc": (None, "IGO"),
    "international criminal court": (None, "IGO"), "international court of justice": (None, "IGO"),
    "g7": (None, "IGO"), "g8": (None, "IGO"), "g20": (None, "IGO"), "unesco": (None, "IGO"),
    "international monetary fund": (None, "IGO"), "organization of american states": (None, "IGO"),
    "gulf cooperation council": (None, "IGO"), "interpol": (None, "IGO"),
    "amnesty international": (None, "NGO"), "amnesty": (None, "NGO"),
    "human rights watch": (None, "NGO"), "hrw": (None, "NGO"), "red cross": (None, "NGO"),
    "icrc": (None, "NGO"), "red crescent": (None, "NGO"), "doctors without borders": (None, "NGO"),
    "medecins sans frontieres": (None, "NGO"), "msf": (None, "NGO"), "oxfam": (None, "NGO"),
    "greenpeace": (None, "NGO"), "physicians for human rights": (None, "NGO"),
    "reporters without borders": (None, "NGO"), "save the children": (None, "NGO"),
    # armed and political movements with a home country
    "hamas": ("PSE", "REB"), "islamic jihad": ("PSE", "REB"), "fatah": ("PSE", "PTY"),
    "plo": ("PSE", "GOV"), "palestine liberation organization": ("PSE", "GOV"),
    "hezbollah": ("LBN", "REB"), "hizbollah": ("LBN", "REB"), "hizballah": ("LBN", "REB"),
    "amal": ("LBN", "REB"), "taliban": ("AFG", "REB"), "al qaeda": (None, "REB"),
    "al qaida": (None, "REB"), "islamic state": (None, "REB"), "isis": (None, "REB"),
    "isil": (None, "REB"), "boko haram": ("NGA", "REB"), "al shabaab": ("SOM", "REB"),
    "houthis": ("YEM", "REB"), "houthi": ("YEM", "REB"), "farc": ("COL", "REB"),
    "pkk": ("TUR", "REB"), "ira": ("GBR", "REB"), "kla": ("XKX", "REB"), "spla": ("SDN", "REB"),
    "splm": ("SDN", "REB"), "unita": ("AGO", "REB"), "khmer rouge": ("KHM", "REB"),
    "white house": ("USA", "GOV"), "pentagon": ("USA", "MIL"), "kremlin": ("RUS", "GOV"),
    "state department": ("USA", "GOV"), "downing street": ("GBR", "GOV"),
}

# Nouns that never head an actor even when capitalised at the start of a sentence.
NOT_ACTORS = frozenset({
    "remarks", "talks", "declaration", "agreement", "statement", "report", "meeting", "summit",
    "news", "reuters", "yonhap", "afp", "ap",
})

# Words that, as a prepositional phrase, attach a country to an actor phrase.
COUNTRY_PREPS = frozenset({"of", "at", "in", "from", "for"})

# Heads that stand for their "of" phrase: "a group of diplomats", "thousands of students".
COLLECTIVES = frozenset({
    "group", "thousand", "hundred", "dozen", "ten", "million", "number", "member", "majority",
    "third", "half", "some", "many", "several", "contingent", "patch", "batch", "team", "crowd",
    "score", "band", "unit", "handful",
})
