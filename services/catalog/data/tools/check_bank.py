#!/usr/bin/env python3
"""Validate DriveTest demo banks (format drivetest-bank/1, see ../FORMAT.md) and print a report.

Usage: python3 tools/check_bank.py [BANK.json ...]     (default: every ../*-bank.json)

Checks: document shape and required fields, localized texts (vn/uk: vi+en, de: de+en), 2-6 options with at
least one correct for choice questions, numeric questions carry numeric_answer, unique external_ids, topics /
licence classes / pools that exist, question groups, blueprint arithmetic (question_count == sum(quota counts)
+ critical.count), non-overlapping validity per licence class, every quota satisfiable by the published
non-critical questions of its topics / pool / weight with at least a 2x margin (each quota on its own and all
quotas of a blueprint at once, via max-flow), enough critical questions (2x), and every image media key
drawable by tools/draw_signs.py. Standard library only. Exit status 1 if any error was found.
"""
import collections
import datetime
import glob
import importlib.util
import json
import os
import re
import sys

FORMAT = "drivetest-bank/1"
LANGS = {"vn": {"vi", "en"}, "uk": {"en", "vi"}, "de": {"de", "en"}}
KINDS = {"choice", "numeric"}
STATUSES = {"draft", "published", "retired"}
MEDIA_KINDS = {"image", "video"}
MARGIN = 2

errors, warnings = [], []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def load_drawable():
    sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "draw_signs.py")
    spec = importlib.util.spec_from_file_location("draw_signs", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return set(mod.DRAWINGS)


def check_text(where, obj, langs):
    if not isinstance(obj, dict) or not obj:
        err(where, "localized text must be a non-empty object language -> text")
        return
    for k, v in obj.items():
        if not isinstance(v, str) or not v.strip():
            err(where, f"empty text for language {k!r}")
        elif v != v.strip():
            warn(where, f"leading/trailing whitespace in {k!r} text")
    if langs is not None and set(obj) != langs:
        err(where, f"languages {sorted(obj)} != expected {sorted(langs)}")


def parse_date(where, s, allow_null=False):
    if s is None and allow_null:
        return None
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        err(where, f"bad date {s!r}")
        return None


def max_flow(n, edges, s, t):
    """Dinic-free simple Edmonds-Karp on an adjacency dict; edges: list of (u, v, cap)."""
    cap = collections.defaultdict(int)
    adj = collections.defaultdict(set)
    for u, v, c in edges:
        cap[(u, v)] += c
        adj[u].add(v)
        adj[v].add(u)
    flow = 0
    while True:
        parent = {s: None}
        queue = collections.deque([s])
        while queue and t not in parent:
            u = queue.popleft()
            for v in adj[u]:
                if v not in parent and cap[(u, v)] > 0:
                    parent[v] = u
                    queue.append(v)
        if t not in parent:
            return flow
        v, bottleneck = t, None
        while parent[v] is not None:
            u = parent[v]
            bottleneck = cap[(u, v)] if bottleneck is None else min(bottleneck, cap[(u, v)])
            v = u
        v = t
        while parent[v] is not None:
            u = parent[v]
            cap[(u, v)] -= bottleneck
            cap[(v, u)] += bottleneck
            v = u
        flow += bottleneck


def check_file(path, drawable, seen_ids, report):
    name = os.path.basename(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as e:
        err(name, f"cannot read: {e}")
        return
    if raw.startswith(b"\xef\xbb\xbf"):
        err(name, "file starts with a UTF-8 BOM")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        err(name, f"not valid UTF-8 JSON: {e}")
        return
    if doc.get("format") != FORMAT:
        err(name, f"format must be {FORMAT!r}")
    for key in ("jurisdictions", "topics", "licence_classes", "questions", "blueprints"):
        if not isinstance(doc.get(key), list):
            err(name, f"missing list {key!r}")
            doc[key] = []
    unknown = set(doc) - {"format", "jurisdictions", "topics", "licence_classes", "questions", "blueprints"}
    if unknown:
        warn(name, f"unknown top-level keys {sorted(unknown)}")

    jur_langs = {}
    for j in doc["jurisdictions"]:
        code = j.get("code")
        if not isinstance(code, str) or not code:
            err(name, "jurisdiction without code")
            continue
        if code in jur_langs:
            err(name, f"duplicate jurisdiction {code}")
        jur_langs[code] = LANGS.get(code)
        check_text(f"{name} jurisdiction {code} name", j.get("name"), jur_langs[code])

    topics = {}
    for t in doc["topics"]:
        code, jur = t.get("code"), t.get("jurisdiction")
        where = f"{name} topic {code}"
        if code in topics:
            err(where, "duplicate topic code")
        if jur not in jur_langs:
            err(where, f"unknown jurisdiction {jur!r}")
        if not isinstance(t.get("ordinal"), int):
            err(where, "ordinal must be an integer")
        check_text(where + " name", t.get("name"), jur_langs.get(jur))
        topics[code] = t
    ordinals = collections.Counter((t.get("jurisdiction"), t.get("ordinal")) for t in doc["topics"])
    for (jur, o), n in ordinals.items():
        if n > 1:
            err(name, f"ordinal {o} used by {n} topics of {jur}")

    classes = set()
    for c in doc["licence_classes"]:
        key = (c.get("jurisdiction"), c.get("code"))
        where = f"{name} licence class {key[1]}"
        if key in classes:
            err(where, "duplicate licence class")
        if key[0] not in jur_langs:
            err(where, f"unknown jurisdiction {key[0]!r}")
        check_text(where + " name", c.get("name"), jur_langs.get(key[0]))
        classes.add(key)

    questions = doc["questions"]
    pools = collections.Counter()
    groups = collections.defaultdict(list)
    id_re = re.compile(r"^[a-z]{2}-\d{4}$")
    for q in questions:
        qid = q.get("external_id")
        where = f"{name} {qid}"
        if not isinstance(qid, str) or not id_re.match(qid):
            err(where, "external_id must look like 'vn-0001'")
        elif qid in seen_ids:
            err(where, f"duplicate external_id (also in {seen_ids[qid]})")
        else:
            seen_ids[qid] = name
        jur = q.get("jurisdiction")
        if jur not in jur_langs:
            err(where, f"unknown jurisdiction {jur!r}")
        elif isinstance(qid, str) and not qid.startswith(jur + "-"):
            warn(where, f"external_id prefix does not match jurisdiction {jur}")
        langs = jur_langs.get(jur)
        topic = topics.get(q.get("topic"))
        if topic is None:
            err(where, f"unknown topic {q.get('topic')!r}")
        elif topic.get("jurisdiction") != jur:
            err(where, "topic belongs to another jurisdiction")
        check_text(where + " text", q.get("text"), langs)
        check_text(where + " explanation", q.get("explanation"), langs)
        kind = q.get("kind")
        if kind not in KINDS:
            err(where, f"kind must be one of {sorted(KINDS)}")
        if kind == "choice":
            opts = q.get("options")
            if not isinstance(opts, list) or not 2 <= len(opts) <= 6:
                err(where, "choice needs 2-6 options")
                opts = opts if isinstance(opts, list) else []
            for i, o in enumerate(opts):
                check_text(f"{where} option {i + 1}", o.get("text"), langs)
                if not isinstance(o.get("correct"), bool):
                    err(where, f"option {i + 1}: correct must be true/false")
            if opts and not any(o.get("correct") is True for o in opts):
                err(where, "no correct option")
            if opts and all(o.get("correct") is True for o in opts):
                err(where, "every option is correct")
            texts = [json.dumps(o.get("text"), sort_keys=True) for o in opts]
            if len(set(texts)) != len(texts):
                err(where, "duplicate option texts")
            if "numeric_answer" in q:
                err(where, "choice question must not carry numeric_answer")
        elif kind == "numeric":
            na = q.get("numeric_answer")
            if not isinstance(na, dict) or not isinstance(na.get("value"), (int, float)) \
                    or not isinstance(na.get("tolerance"), (int, float)) or na.get("tolerance") < 0:
                err(where, "numeric question needs numeric_answer {value, tolerance >= 0}")
            if q.get("options"):
                err(where, "numeric question must not have options")
        media = q.get("media", [])
        if not isinstance(media, list):
            err(where, "media must be a list")
            media = []
        for m in media:
            key, mk = m.get("key"), m.get("kind")
            if mk not in MEDIA_KINDS:
                err(where, f"media kind {mk!r} not in {sorted(MEDIA_KINDS)}")
            if not isinstance(key, str) or not key or key.startswith("/") or ".." in key:
                err(where, f"bad media key {key!r}")
            elif mk == "image" and key not in drawable:
                err(where, f"image {key} has no drawing in tools/draw_signs.py")
            elif mk == "video" and not key.endswith((".webm", ".mp4")):
                err(where, f"video key {key} should end in .webm or .mp4")
        if "road-sign" in (q.get("tags") or []) and not any(m.get("kind") == "image" for m in media):
            err(where, "road-sign question without an image")
        w = q.get("weight")
        if not isinstance(w, int) or isinstance(w, bool) or w < 1:
            err(where, "weight must be an integer >= 1")
        for flag in ("critical", "shuffle_options"):
            if not isinstance(q.get(flag), bool):
                err(where, f"{flag} must be true/false")
        for lst in ("pools", "tags"):
            if not isinstance(q.get(lst), list) or not all(isinstance(x, str) and x for x in q.get(lst, [])):
                err(where, f"{lst} must be a list of strings")
        if q.get("status") not in STATUSES:
            err(where, f"status must be one of {sorted(STATUSES)}")
        grp = q.get("group")
        if grp is not None:
            if not isinstance(grp, str) or not grp:
                err(where, "group must be null or a non-empty string")
            else:
                groups[(jur, grp)].append(q)
        for p in q.get("pools") or []:
            pools[(jur, p)] += 1
    for (jur, grp), members in groups.items():
        where = f"{name} group {grp}"
        if len(members) < 2:
            err(where, "a group needs at least 2 questions")
        for attr in ("topic", "pools", "weight", "critical", "status"):
            vals = {json.dumps(m.get(attr), sort_keys=True) for m in members}
            if len(vals) > 1:
                err(where, f"members differ in {attr}")
        keys = [{m_["key"] for m_ in m.get("media", [])} for m in members]
        if not set.intersection(*keys):
            warn(where, "members share no media item")
        if any(m.get("critical") for m in members):
            err(where, "critical questions cannot be grouped")

    # ------------------------------------------------------------ blueprints
    bps = doc["blueprints"]
    codes = collections.Counter(b.get("code") for b in bps)
    for code, n in codes.items():
        if n > 1:
            err(name, f"blueprint code {code} used {n} times")
    windows = collections.defaultdict(list)
    bp_report = []
    for b in bps:
        code = b.get("code")
        where = f"{name} blueprint {code}"
        jur = b.get("jurisdiction")
        if jur not in jur_langs:
            err(where, f"unknown jurisdiction {jur!r}")
        if (jur, b.get("licence_class")) not in classes:
            err(where, f"unknown licence class {b.get('licence_class')!r}")
        if not isinstance(b.get("version"), int) or b.get("version") < 1:
            err(where, "version must be an integer >= 1")
        vf = parse_date(where + " valid_from", b.get("valid_from"))
        vt = parse_date(where + " valid_to", b.get("valid_to"), allow_null=True)
        if vf and vt and vt <= vf:
            err(where, "valid_to must be after valid_from (valid_to is exclusive)")
        if vf:
            windows[(jur, b.get("licence_class"))].append((vf, vt or datetime.date.max, code))
        n = b.get("question_count")
        if not isinstance(n, int) or n < 1:
            err(where, "question_count must be a positive integer")
            n = 0
        if not isinstance(b.get("time_limit_seconds"), int) or b.get("time_limit_seconds") <= 0:
            err(where, "time_limit_seconds must be a positive integer")
        crit = b.get("critical") or {}
        ccount = crit.get("count")
        if not isinstance(ccount, int) or ccount < 0 or not isinstance(crit.get("fail_on_wrong"), bool):
            err(where, "critical needs {count >= 0, fail_on_wrong: bool}")
            ccount = 0
        quotas = b.get("quotas") or []
        if not quotas:
            err(where, "no quotas")
        qsum = 0
        for i, qu in enumerate(quotas):
            if not isinstance(qu.get("count"), int) or qu["count"] < 1:
                err(where, f"quota {i + 1}: count must be a positive integer")
                continue
            qsum += qu["count"]
            if not qu.get("topics"):
                err(where, f"quota {i + 1}: no topics")
            for t in qu.get("topics", []):
                if t not in topics or topics[t].get("jurisdiction") != jur:
                    err(where, f"quota {i + 1}: unknown topic {t!r}")
            if "weight" in qu and (not isinstance(qu["weight"], int) or qu["weight"] < 1):
                err(where, f"quota {i + 1}: weight must be a positive integer")
        if qsum + ccount != n:
            err(where, f"question_count {n} != sum(quotas) {qsum} + critical {ccount}")
        sc = b.get("scoring") or {}
        if sc.get("policy") == "count_correct":
            pm = sc.get("pass_mark")
            if not isinstance(pm, int) or not 0 < pm <= n:
                err(where, "pass_mark must be 1..question_count")
        elif sc.get("policy") == "error_points":
            if not isinstance(sc.get("max_error_points"), int) or sc["max_error_points"] < 0:
                err(where, "max_error_points must be an integer >= 0")
            if not isinstance(sc.get("max_weight_wrong_limit"), int) or sc["max_weight_wrong_limit"] < 1:
                err(where, "max_weight_wrong_limit must be an integer >= 1")
            if not all("weight" in qu for qu in quotas):
                warn(where, "error_points scoring with quotas that do not fix the weight: exam totals vary")
        else:
            err(where, "scoring.policy must be count_correct or error_points")
        nav = b.get("navigation") or {}
        if not isinstance(nav.get("flag"), bool) or not isinstance(nav.get("revisit"), bool):
            err(where, "navigation needs flag and revisit booleans")
        pool = b.get("pool")
        if pool is not None and (jur, pool) not in pools:
            err(where, f"pool {pool!r} is used by no question")

        # satisfiability: units = published questions of the jurisdiction (and pool); a group is one unit
        def eligible(q):
            return (q.get("jurisdiction") == jur and q.get("status") == "published"
                    and (pool is None or pool in (q.get("pools") or [])))
        units = []  # (id, size, topic, weight)
        grouped = collections.defaultdict(list)
        crit_avail = 0
        for q in questions:
            if not eligible(q):
                continue
            if q.get("critical"):
                crit_avail += 1
                continue
            if q.get("group"):
                grouped[q["group"]].append(q)
            else:
                units.append((q["external_id"], 1, q.get("topic"), q.get("weight")))
        for grp, members in sorted(grouped.items()):
            units.append((f"group:{grp}", len(members), members[0].get("topic"), members[0].get("weight")))
        if crit_avail < MARGIN * ccount:
            err(where, f"critical pool too small: {crit_avail} published critical questions, need "
                       f"{MARGIN} x {ccount}")

        def fits(unit, qu):
            return unit[2] in qu.get("topics", []) and ("weight" not in qu or qu["weight"] == unit[3])
        margins = []
        for i, qu in enumerate(quotas):
            if not isinstance(qu.get("count"), int):
                continue
            avail = sum(u[1] for u in units if fits(u, qu) and u[1] <= qu["count"])
            margins.append(avail)
            if avail < MARGIN * qu["count"]:
                err(where, f"quota {i + 1} {qu.get('topics')}{' w' + str(qu['weight']) if 'weight' in qu else ''}: "
                           f"{avail} questions available, need {MARGIN} x {qu['count']}")
        for u in units:
            if u[1] > 1 and not any(fits(u, qu) and u[1] <= qu.get("count", 0) for qu in quotas):
                warn(where, f"{u[0]} (size {u[1]}) fits no quota and can never be drawn")
        # all quotas at once with MARGIN x demand (each question serves at most one quota)
        edges = []
        for ui, u in enumerate(units):
            edges.append(("S", ("u", ui), u[1]))
            for qi, qu in enumerate(quotas):
                if isinstance(qu.get("count"), int) and fits(u, qu) and u[1] <= qu["count"]:
                    edges.append((("u", ui), ("q", qi), u[1]))
        demand = 0
        for qi, qu in enumerate(quotas):
            if isinstance(qu.get("count"), int):
                edges.append((("q", qi), "T", MARGIN * qu["count"]))
                demand += MARGIN * qu["count"]
        flow = max_flow(0, edges, "S", "T")
        if flow < demand:
            err(where, f"quotas cannot all be met at once with a {MARGIN}x margin (max {flow} of {demand})")
        bp_report.append((b, margins, crit_avail))
    for key, ws in windows.items():
        ws.sort()
        for (f1, t1, c1), (f2, t2, c2) in zip(ws, ws[1:]):
            if f2 < t1:
                err(name, f"blueprints {c1} and {c2} for class {key[1]} overlap in time")

    # ------------------------------------------------------------ report
    lines = [f"== {name}: {len(questions)} questions, {len(doc['topics'])} topics, "
             f"{len(doc['licence_classes'])} licence classes, {len(bps)} blueprints"]
    by_topic = collections.Counter(q.get("topic") for q in questions)
    crit_topic = collections.Counter(q.get("topic") for q in questions if q.get("critical"))
    for t in doc["topics"]:
        c = t["code"]
        pct = 100.0 * by_topic[c] / max(1, len(questions))
        lines.append(f"   topic {c:<6} {by_topic[c]:>4} questions ({pct:4.1f}%), {crit_topic[c]:>2} critical"
                     f"  {t['name'].get('en', '')}")
    multi = sum(1 for q in questions if q.get("kind") == "choice"
                and sum(1 for o in q.get("options", []) if o.get("correct")) > 1)
    numeric = sum(1 for q in questions if q.get("kind") == "numeric")
    signs = sum(1 for q in questions if "road-sign" in (q.get("tags") or []))
    with_media = sum(1 for q in questions if q.get("media"))
    weights = collections.Counter(q.get("weight") for q in questions)
    lines.append(f"   critical {sum(crit_topic.values())}, multi-answer {multi}, numeric {numeric}, road-sign {signs}, "
                 f"with media {with_media}, groups {len(groups)}, weights {dict(sorted(weights.items()))}")
    for (jur, p), cnt in sorted(pools.items()):
        crit = sum(1 for q in questions if p in (q.get("pools") or []) and q.get("critical"))
        per = collections.Counter(q.get("topic") for q in questions if p in (q.get("pools") or []))
        lines.append(f"   pool {p}: {cnt} questions ({crit} critical) "
                     + " ".join(f"{k}={v}" for k, v in sorted(per.items())))
    for b, margins, crit_avail in bp_report:
        qs = " ".join(f"{'+'.join(qu.get('topics', []))}{'/w' + str(qu['weight']) if 'weight' in qu else ''}"
                      f"={qu.get('count')}({m})" for qu, m in zip(b.get("quotas", []), margins))
        sc = b.get("scoring", {})
        rule = (f"pass {sc.get('pass_mark')}" if sc.get("policy") == "count_correct"
                else f"max {sc.get('max_error_points')} error pts, {sc.get('max_weight_wrong_limit')}x top weight")
        lines.append(f"   {b.get('code'):<13} {b.get('valid_from')}..{b.get('valid_to') or 'open'} "
                     f"{b.get('question_count')}q {b.get('time_limit_seconds', 0) // 60}min {rule}, "
                     f"pool {b.get('pool') or '-'}, crit {b.get('critical', {}).get('count')}({crit_avail}) | "
                     f"quota=count(available) {qs}")
    report.extend(lines)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(glob.glob(os.path.join(here, "..", "*-bank.json")))
    if not files:
        print("check_bank: no bank files found", file=sys.stderr)
        return 1
    try:
        drawable = load_drawable()
    except Exception as e:  # noqa: BLE001 - report any import problem clearly
        print(f"check_bank: cannot load tools/draw_signs.py: {e}", file=sys.stderr)
        return 1
    seen, report = {}, []
    for f in files:
        check_file(f, drawable, seen, report)
    print("\n".join(report))
    for w in warnings:
        print(f"WARNING {w}")
    for e in errors:
        print(f"ERROR {e}")
    print(f"check_bank: {len(files)} file(s), {len(seen)} questions, {len(errors)} error(s), "
          f"{len(warnings)} warning(s): {'FAILED' if errors else 'OK'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
