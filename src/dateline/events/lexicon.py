"""Trigger lexicons: English verbs and nouns -> PLOVER 2.0 type and CAMEO code.

Codes follow the CAMEO codebook and the CAMEO->PLOVER 2021 table (in the shared data);
where a verb is vague we give the CAMEO root or its 0 leaf ("040"). Asking, urging and
appealing are CAMEO 02 (appeal), demanding is CAMEO 10; both are PLOVER REQUEST. The one deliberate
exception: agreeing "in a declaration/treaty" is AGREE with CAMEO 057 (the project's
convention), while *signing* one is SUPPORT 057 as the mapping table says.
"""

from __future__ import annotations

Code = tuple[str, str]  # (PLOVER type, CAMEO code)

# Verb lemma -> event. Used when the verb has an actor subject and an actor target.
VERBS: dict[str, Code] = {
    # CONSULT
    "meet": ("CONSULT", "040"), "talk": ("CONSULT", "040"), "discuss": ("CONSULT", "040"),
    "consult": ("CONSULT", "040"), "confer": ("CONSULT", "040"), "speak": ("CONSULT", "040"),
    "negotiate": ("CONSULT", "046"), "mediate": ("CONSULT", "045"), "visit": ("CONSULT", "042"),
    "host": ("CONSULT", "043"), "receive": ("CONSULT", "043"), "welcome": ("SUPPORT", "051"),
    "telephone": ("CONSULT", "041"), "phone": ("CONSULT", "041"),
    # AGREE
    "agree": ("AGREE", "030"), "pledge": ("AGREE", "030"), "promise": ("AGREE", "030"),
    "offer": ("AGREE", "030"), "vow": ("AGREE", "030"), "accept": ("AGREE", "030"),
    # SUPPORT
    "praise": ("SUPPORT", "051"), "endorse": ("SUPPORT", "051"), "support": ("SUPPORT", "051"),
    "back": ("SUPPORT", "051"), "commend": ("SUPPORT", "051"), "hail": ("SUPPORT", "051"),
    "congratulate": ("SUPPORT", "051"), "thank": ("SUPPORT", "051"), "defend": ("SUPPORT", "052"),
    "apologize": ("SUPPORT", "055"), "apologise": ("SUPPORT", "055"), "forgive": ("SUPPORT", "056"),
    "recognize": ("SUPPORT", "054"), "recognise": ("SUPPORT", "054"),
    # COOPERATE
    "cooperate": ("COOPERATE", "060"), "collaborate": ("COOPERATE", "060"),
    # AID
    "aid": ("AID", "070"), "help": ("AID", "070"), "assist": ("AID", "070"), "donate": ("AID", "070"),
    "fund": ("AID", "071"), "finance": ("AID", "071"), "supply": ("AID", "070"),
    # CONCEDE / RETREAT
    "concede": ("CONCEDE", "080"), "yield": ("CONCEDE", "080"), "accede": ("CONCEDE", "083"),
    "release": ("RETREAT", "0841"), "free": ("RETREAT", "0841"), "resign": ("RETREAT", "080"),
    "surrender": ("RETREAT", "0874"), "withdraw": ("RETREAT", "087"), "demobilize": ("RETREAT", "0873"),
    "demobilise": ("RETREAT", "0873"), "disarm": ("RETREAT", "0873"), "retreat": ("RETREAT", "0874"),
    "return": ("RETREAT", "0842"), "lift": ("RETREAT", "085"), "ease": ("RETREAT", "085"),
    # REQUEST
    "ask": ("REQUEST", "020"), "request": ("REQUEST", "020"), "urge": ("REQUEST", "020"),
    "appeal": ("REQUEST", "020"), "demand": ("REQUEST", "100"), "seek": ("REQUEST", "020"),
    "plead": ("REQUEST", "020"), "press": ("REQUEST", "020"), "invite": ("REQUEST", "020"),
    "petition": ("REQUEST", "020"), "implore": ("REQUEST", "020"), "beg": ("REQUEST", "020"),
    # ACCUSE
    "accuse": ("ACCUSE", "112"), "blame": ("ACCUSE", "112"), "criticize": ("ACCUSE", "111"),
    "criticise": ("ACCUSE", "111"), "condemn": ("ACCUSE", "111"), "denounce": ("ACCUSE", "111"),
    "slam": ("ACCUSE", "111"), "rebuke": ("ACCUSE", "111"), "censure": ("ACCUSE", "111"),
    "charge": ("ACCUSE", "112"), "sue": ("ACCUSE", "115"), "indict": ("ACCUSE", "112"),
    "convict": ("ACCUSE", "116"), "investigate": ("ACCUSE", "090"), "probe": ("ACCUSE", "090"),
    "complain": ("ACCUSE", "114"), "summon": ("ACCUSE", "114"), "allege": ("ACCUSE", "112"),
    # REJECT
    "reject": ("REJECT", "120"), "refuse": ("REJECT", "120"), "decline": ("REJECT", "120"),
    "rebuff": ("REJECT", "120"), "dismiss": ("REJECT", "120"), "oppose": ("REJECT", "120"),
    "veto": ("REJECT", "129"), "deny": ("REJECT", "120"), "defy": ("REJECT", "128"),
    "renege": ("REJECT", "120"),
    # THREATEN
    "threaten": ("THREATEN", "130"), "warn": ("THREATEN", "130"),
    # PROTEST
    "protest": ("PROTEST", "140"), "demonstrate": ("PROTEST", "141"), "rally": ("PROTEST", "141"),
    "march": ("PROTEST", "141"), "boycott": ("PROTEST", "143"), "riot": ("PROTEST", "145"),
    # SANCTION
    "expel": ("SANCTION", "166"), "suspend": ("SANCTION", "160"), "halt": ("SANCTION", "160"),
    "sever": ("SANCTION", "161"), "recall": ("SANCTION", "161"), "cut": ("SANCTION", "160"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", "154"), "mobilise": ("MOBILIZE", "154"), "deploy": ("MOBILIZE", "154"),
    # COERCE
    "sanction": ("COERCE", "163"), "arrest": ("COERCE", "173"), "detain": ("COERCE", "173"),
    "jail": ("COERCE", "173"), "imprison": ("COERCE", "173"), "deport": ("COERCE", "174"),
    "seize": ("COERCE", "171"), "confiscate": ("COERCE", "1711"), "ban": ("COERCE", "172"),
    "outlaw": ("COERCE", "1722"), "blockade": ("COERCE", "191"), "occupy": ("COERCE", "192"),
    "hack": ("COERCE", "170"), "censor": ("COERCE", "1721"), "prevent": ("COERCE", "170"),
    "raid": ("COERCE", "170"), "embargo": ("COERCE", "163"),
    # ASSAULT
    "attack": ("ASSAULT", "190"), "kill": ("ASSAULT", "190"), "bomb": ("ASSAULT", "195"),
    "shell": ("ASSAULT", "194"), "shoot": ("ASSAULT", "190"), "wound": ("ASSAULT", "190"),
    "invade": ("ASSAULT", "190"), "strike": ("ASSAULT", "190"), "fight": ("ASSAULT", "190"),
    "clash": ("ASSAULT", "190"), "abduct": ("ASSAULT", "181"), "kidnap": ("ASSAULT", "181"),
    "hijack": ("ASSAULT", "181"), "torture": ("ASSAULT", "1822"), "assassinate": ("ASSAULT", "186"),
    "beat": ("ASSAULT", "182"), "massacre": ("ASSAULT", "202"), "ambush": ("ASSAULT", "190"),
    "murder": ("ASSAULT", "1823"), "execute": ("ASSAULT", "1823"), "retake": ("ASSAULT", "190"),
    "capture": ("ASSAULT", "190"), "overrun": ("ASSAULT", "190"), "fire": ("ASSAULT", "190"),
}

# Verbs whose complement ("refused to meet", "threatened to shell") is the content of the
# event they name; the complement is not coded on its own.
CONTROL_VERBS = frozenset({
    "agree", "offer", "promise", "pledge", "vow", "refuse", "decline", "reject", "threaten", "warn",
    "ask", "urge", "demand", "appeal", "request", "call", "press", "seek", "invite", "fail", "deny",
})
# Verbs of intention: their complement is a planned event ("plans to visit").
INTENT_VERBS = frozenset({
    "plan", "intend", "decide", "prepare", "want", "hope", "expect", "aim", "schedule", "set", "due",
    "ready", "going", "wish", "consider", "mean", "try", "attempt", "move",
})
# Modal auxiliaries that put an event in the future.
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
# Verbs of saying: not events themselves; the clause they report is.
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "add", "report", "claim", "confirm", "declare", "insist",
    "reiterate", "note", "stress", "conclude", "quote", "assert", "indicate", "explain", "write",
})
# Verbs that fail to: "failed to reach agreement" is a REJECT.
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})

# Nominal triggers: noun lemma -> group; the group with its light verb decides the code.
NOUN_GROUPS: dict[str, str] = {
    "talk": "talks", "meeting": "talks", "consultation": "talks", "negotiation": "talks",
    "discussion": "talks", "summit": "talks", "dialogue": "talks", "conversation": "talks",
    "call": "phone", "visit": "visit", "trip": "visit",
    "agreement": "deal", "deal": "deal", "accord": "deal", "treaty": "deal", "pact": "deal",
    "declaration": "deal", "memorandum": "deal", "ceasefire": "ceasefire", "truce": "ceasefire",
    "cease": "ceasefire", "armistice": "ceasefire",
    "sanction": "sanctions", "embargo": "sanctions", "curfew": "curfew", "blockade": "blockade",
    "protest": "protest", "complaint": "complaint", "lawsuit": "lawsuit", "suit": "lawsuit",
    "investigation": "probe", "probe": "probe", "inquiry": "probe", "hearing": "probe",
    "attack": "attack", "offensive": "attack", "raid": "attack", "airstrike": "attack",
    "assault": "attack", "bombing": "attack", "strike": "attack", "fire": "attack",
    "aid": "aid", "assistance": "aid", "loan": "aid", "grant": "aid", "arms": "arms", "weapon": "arms",
    "food": "aid", "help": "aid", "asylum": "asylum", "refuge": "asylum",
    "relation": "ties", "tie": "ties", "link": "ties", "troop": "troops", "force": "troops",
    "appeal": "appeal", "demand": "appeal", "request": "appeal", "warning": "warning",
    "ultimatum": "ultimatum", "support": "support", "apology": "apology", "condolence": "support",
    "demonstration": "demo", "rally": "demo", "march": "demo", "mediation": "mediation",
    "border": "border",
}

# (light verb lemma, group) -> code; ("*", group) is the default for any verb.
LIGHT: dict[tuple[str, str], Code] = {
    ("*", "talks"): ("CONSULT", "040"), ("hold", "talks"): ("CONSULT", "040"),
    ("*", "phone"): ("CONSULT", "041"), ("*", "visit"): ("CONSULT", "042"),
    ("reach", "deal"): ("AGREE", "030"), ("strike", "deal"): ("AGREE", "030"),
    ("conclude", "deal"): ("AGREE", "030"), ("sign", "deal"): ("SUPPORT", "057"),
    ("agree", "deal"): ("AGREE", "030"), ("accept", "deal"): ("AGREE", "030"),
    ("reject", "deal"): ("REJECT", "127"), ("violate", "deal"): ("ASSAULT", "196"),
    ("declare", "ceasefire"): ("RETREAT", "0871"), ("announce", "ceasefire"): ("RETREAT", "0871"),
    ("agree", "ceasefire"): ("AGREE", "037"), ("sign", "ceasefire"): ("SUPPORT", "057"),
    ("violate", "ceasefire"): ("ASSAULT", "196"), ("break", "ceasefire"): ("ASSAULT", "196"),
    ("impose", "sanctions"): ("COERCE", "163"), ("lift", "sanctions"): ("RETREAT", "085"),
    ("ease", "sanctions"): ("RETREAT", "085"), ("tighten", "sanctions"): ("COERCE", "163"),
    ("impose", "curfew"): ("COERCE", "1723"), ("declare", "curfew"): ("COERCE", "1723"),
    ("extend", "curfew"): ("COERCE", "1723"), ("lift", "curfew"): ("RETREAT", "0813"),
    ("impose", "blockade"): ("COERCE", "191"), ("tighten", "blockade"): ("COERCE", "191"),
    ("lodge", "protest"): ("ACCUSE", "114"), ("file", "protest"): ("ACCUSE", "114"),
    ("stage", "protest"): ("PROTEST", "141"), ("hold", "protest"): ("PROTEST", "141"),
    ("lodge", "complaint"): ("ACCUSE", "114"), ("file", "complaint"): ("ACCUSE", "114"),
    ("file", "lawsuit"): ("ACCUSE", "115"), ("bring", "lawsuit"): ("ACCUSE", "115"),
    ("open", "probe"): ("ACCUSE", "090"), ("launch", "probe"): ("ACCUSE", "090"),
    ("launch", "attack"): ("ASSAULT", "190"), ("carry", "attack"): ("ASSAULT", "190"),
    ("mount", "attack"): ("ASSAULT", "190"), ("open", "attack"): ("ASSAULT", "190"),
    ("stage", "attack"): ("ASSAULT", "190"),
    ("give", "aid"): ("AID", "070"), ("send", "aid"): ("AID", "070"), ("provide", "aid"): ("AID", "070"),
    ("deliver", "aid"): ("AID", "070"), ("grant", "aid"): ("AID", "070"), ("donate", "aid"): ("AID", "070"),
    ("offer", "aid"): ("AID", "070"), ("extend", "aid"): ("AID", "070"),
    ("suspend", "aid"): ("SANCTION", "162"), ("halt", "aid"): ("SANCTION", "162"),
    ("cut", "aid"): ("SANCTION", "162"), ("stop", "aid"): ("SANCTION", "162"),
    ("reduce", "aid"): ("SANCTION", "162"), ("prohibit", "aid"): ("SANCTION", "162"),
    ("send", "arms"): ("AID", "072"), ("supply", "arms"): ("AID", "072"), ("sell", "arms"): ("AID", "072"),
    ("give", "arms"): ("AID", "072"), ("provide", "arms"): ("AID", "072"),
    ("grant", "asylum"): ("AID", "075"), ("give", "asylum"): ("AID", "075"),
    ("seek", "asylum"): ("REQUEST", "023"),
    ("establish", "ties"): ("SUPPORT", "054"), ("restore", "ties"): ("SUPPORT", "054"),
    ("cut", "ties"): ("SANCTION", "161"), ("sever", "ties"): ("SANCTION", "161"),
    ("break", "ties"): ("SANCTION", "161"), ("suspend", "ties"): ("SANCTION", "161"),
    ("downgrade", "ties"): ("SANCTION", "161"),
    ("send", "troops"): ("MOBILIZE", "154"), ("deploy", "troops"): ("MOBILIZE", "154"),
    ("mass", "troops"): ("MOBILIZE", "154"), ("withdraw", "troops"): ("RETREAT", "087"),
    ("pull", "troops"): ("RETREAT", "087"), ("offer", "troops"): ("AGREE", "0334"),
    ("make", "appeal"): ("REQUEST", "020"), ("issue", "appeal"): ("REQUEST", "020"),
    ("renew", "appeal"): ("REQUEST", "020"), ("issue", "warning"): ("THREATEN", "130"),
    ("give", "warning"): ("THREATEN", "130"), ("issue", "ultimatum"): ("THREATEN", "139"),
    ("express", "support"): ("SUPPORT", "051"), ("give", "support"): ("SUPPORT", "051"),
    ("offer", "support"): ("SUPPORT", "051"), ("pledge", "support"): ("AGREE", "032"),
    ("offer", "apology"): ("SUPPORT", "055"), ("issue", "apology"): ("SUPPORT", "055"),
    ("stage", "demo"): ("PROTEST", "141"), ("hold", "demo"): ("PROTEST", "141"),
    ("end", "mediation"): ("SANCTION", "165"), ("halt", "mediation"): ("SANCTION", "165"),
    ("suspend", "talks"): ("SANCTION", "164"), ("halt", "talks"): ("SANCTION", "164"),
    ("end", "talks"): ("SANCTION", "164"), ("break", "talks"): ("SANCTION", "164"),
    ("open", "border"): ("RETREAT", "086"), ("close", "border"): ("COERCE", "191"),
    ("open", "attack-fire"): ("ASSAULT", "190"),
}

# Cooperative types said as intent become AGREE; conflictual ones become THREATEN.
INTENT_CODES: dict[str, Code] = {
    "CONSULT": ("AGREE", "036"), "SUPPORT": ("AGREE", "032"), "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"), "CONCEDE": ("AGREE", "035"), "RETREAT": ("AGREE", "035"),
    "ASSAULT": ("THREATEN", "138"), "COERCE": ("THREATEN", "130"), "SANCTION": ("THREATEN", "131"),
    "MOBILIZE": ("THREATEN", "138"), "PROTEST": ("THREATEN", "133"),
}
# Refusing a cooperative act is a REJECT with the matching CAMEO leaf.
REFUSAL_CODES: dict[str, str] = {
    "CONSULT": "125", "AGREE": "120", "SUPPORT": "120", "COOPERATE": "121", "AID": "122",
    "CONCEDE": "124", "RETREAT": "124", "REQUEST": "120",
}
# Asking for an act (CAMEO 02 appeal): REQUEST with the matching CAMEO leaf.
APPEAL_CODES: dict[str, str] = {
    "CONSULT": "026", "AGREE": "027", "COOPERATE": "021", "AID": "023", "CONCEDE": "025",
    "RETREAT": "025", "SUPPORT": "022",
}
# Demanding an act (CAMEO 10 demand): REQUEST with the matching CAMEO leaf.
REQUEST_CODES: dict[str, str] = {
    "CONSULT": "106", "AGREE": "107", "COOPERATE": "101", "AID": "103", "CONCEDE": "105",
    "RETREAT": "105", "SUPPORT": "102",
}
COOPERATIVE = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
