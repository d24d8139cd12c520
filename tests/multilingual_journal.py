"""A small journal written in English, Spanish, German and Polish, with questions whose right answer is one entry:
questions in the entry's own language, and questions in another language (mostly English) about it. Used by
tests/test_multilingual.py and bench/embedder_bench.py."""

from __future__ import annotations

ENTRIES: dict[str, str] = {
    "en_sleep": "Couldn't sleep again last night. I lay awake until three, going over the deadline in my head and "
    "checking my phone.",
    "en_garden": "Spent the afternoon in the garden planting tomatoes and basil. My hands were covered in soil and I "
    "felt calm for the first time this week.",
    "en_piano": "Piano lesson today. I finally played the whole Chopin prelude without stopping, even though my left "
    "hand still rushes.",
    "en_budget": "Sat down with the bank statements and made a budget. We spend far too much on takeaways; I want to "
    "save for a holiday.",
    "en_neighbour": "The neighbour's renovation started at seven this morning. Drilling all day, I couldn't "
    "concentrate on anything.",
    "es_abuela": "Hoy fui a visitar a mi abuela al hospital. Estaba muy cansada, pero sonrió cuando le leí las cartas "
    "de mi primo.",
    "es_perro": "Paseé al perro por la playa al amanecer. Corría detrás de las gaviotas y yo me reí como hacía meses "
    "que no me reía.",
    "es_jefe": "Discutí con mi jefe sobre la presentación del proyecto. Siento que nunca valora mi trabajo y me fui a "
    "casa enfadada.",
    "es_paella": "Cociné una paella para mis amigos el sábado. El arroz se quemó un poco, pero todos repitieron y "
    "hablamos hasta medianoche.",
    "es_carrera": "Corrí mi primera carrera de diez kilómetros. Me dolían las piernas en el último tramo, pero crucé "
    "la meta sin parar.",
    "de_umzug": "Der Umzug ist endlich vorbei. Überall stehen noch Kisten, aber die neue Wohnung hat einen Balkon und "
    "viel Licht.",
    "de_zahnarzt": "Heute war ich beim Zahnarzt. Ich hatte schon Tage vorher Angst, und dann war die Behandlung nach "
    "zehn Minuten vorbei.",
    "de_fahrrad": "Mein Fahrrad wurde vor dem Bahnhof gestohlen. Ich habe Anzeige bei der Polizei erstattet, aber ich "
    "glaube nicht, dass ich es wiedersehe.",
    "de_schwester": "Ich habe nach fast einem Jahr wieder mit meiner Schwester telefoniert. Wir haben beide geweint "
    "und uns versprochen, öfter zu reden.",
    "de_roman": "Ich habe den Roman zu Ende gelesen, den mir mein Vater geschenkt hat. Das Ende hat mich lange nicht "
    "losgelassen.",
    "pl_egzamin": "Zdałam egzamin na prawo jazdy za drugim razem! Egzaminator był surowy, ale parkowanie wyszło mi "
    "idealnie.",
    "pl_grzyby": "Pojechałem z tatą do lasu na grzyby. Znaleźliśmy pełen koszyk prawdziwków i prawie nie "
    "rozmawialiśmy, ale było dobrze.",
    "pl_kot": "Kot jest chory od wczoraj, nic nie je. Byłam z nim u weterynarza i bardzo się boję o wyniki badań.",
    "pl_praca": "Pierwszy dzień w nowej pracy. Wszyscy byli mili, ale czułem się zagubiony i nie zapamiętałem "
    "żadnego imienia.",
    "pl_wesele": "Wesele mojej przyjaciółki trwało do rana. Tańczyłam tak dużo, że dziś bolą mnie stopy, ale było "
    "cudownie.",
}

# (question, the entry it is about), each question in the entry's own language
SAME_LANGUAGE: list[tuple[str, str]] = [
    ("¿Cuándo visité a mi abuela enferma?", "es_abuela"),
    ("paseo con el perro junto al mar", "es_perro"),
    ("conflicto con mi jefe en el trabajo", "es_jefe"),
    ("la comida que preparé para mis amigos", "es_paella"),
    ("mi primera carrera corriendo", "es_carrera"),
    ("Wann bin ich in die neue Wohnung gezogen?", "de_umzug"),
    ("Angst vor dem Zahnarzt", "de_zahnarzt"),
    ("Diebstahl meines Rads", "de_fahrrad"),
    ("Gespräch mit meiner Schwester", "de_schwester"),
    ("ein Buch, das ich gelesen habe", "de_roman"),
    ("kiedy zdałam prawo jazdy?", "pl_egzamin"),
    ("zbieranie grzybów z ojcem", "pl_grzyby"),
    ("chory kot u weterynarza", "pl_kot"),
    ("mój pierwszy dzień w pracy", "pl_praca"),
    ("taniec na weselu przyjaciółki", "pl_wesele"),
]

# (question, the entry it is about), each question in another language than its entry
CROSS_LANGUAGE: list[tuple[str, str]] = [
    ("visiting my grandmother in hospital", "es_abuela"),
    ("walking the dog on the beach", "es_perro"),
    ("argument with my boss", "es_jefe"),
    ("cooking dinner for friends", "es_paella"),
    ("running a 10k race", "es_carrera"),
    ("moving to a new flat", "de_umzug"),
    ("afraid of the dentist", "de_zahnarzt"),
    ("my bike was stolen", "de_fahrrad"),
    ("calling my sister after a long time", "de_schwester"),
    ("finishing a novel", "de_roman"),
    ("passing my driving test", "pl_egzamin"),
    ("mushroom picking with my dad", "pl_grzyby"),
    ("my cat is sick", "pl_kot"),
    ("first day at a new job", "pl_praca"),
    ("dancing at a wedding", "pl_wesele"),
    ("I could not sleep", "en_sleep"),
    ("noise from the neighbours", "en_neighbour"),
    ("Nie mogłem spać w nocy", "en_sleep"),
    ("Gartenarbeit", "en_garden"),
    ("lección de piano", "en_piano"),
]
