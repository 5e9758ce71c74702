"""What a thing carries and what it connects: a device or model that runs
on a chip (usesHardware: 搭载骁龙X芯片, 使用2048块H800, X上搭载的这颗Y芯片,
在Y芯片的加持下) and a product or organisation that connects a model or
product (integrated: 接入, 集成, 部署, 用上, 使用Y模型, 将Y集成到X).

A chip is told from a model by what the text writes after it (芯片, 处理器,
移动平台, 传感器): a name only its shape typed (M2 Pro, IMX866) followed by
such a noun is hardware here, and never an integrated model. A part or a
technology (屏幕, 日间行车灯, 架构) is neither."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.roles import clause_start, hedged, left, right, triggers

_HARDWARE = frozenset({"Hardware"})
_THINGS = frozenset({"Hardware", "AIModel", "Product"})


def starts(ex, sent, pos, kind) -> bool:
    """Does a word of ``kind`` stand at ``pos`` (spaces skipped)?"""
    return bool(ex.grammar(r"\s*{{" + kind + "}}").match(sent.text, pos, sent.end))


def ends(ex, sent, pos, kind) -> bool:
    """Does a word of ``kind`` end right before ``pos`` (spaces skipped)?"""
    return bool(ex.grammar(r"{{" + kind + r"}}\s*$").search(sent.text, max(sent.start, pos - 8), pos))


def last(ex, sent, kind, lo, hi) -> int:
    """Where the last word of ``kind`` in text[lo:hi] starts (-1: none)."""
    found = [m.start() for m in ex.grammar("{{" + kind + "}}").finditer(sent.text, lo, hi)]
    return found[-1] if found else -1


def tail(ex, sent, end, kind):
    """Does the text right after ``end`` start with a word of ``kind``?"""
    return bool(ex.grammar(r"\s*(?:{{equip.tail_filler}})?\s*{{" + kind + "}}").match(sent.text, end, sent.end))


def part(ex, sent, end):
    """A part or a technology after the name (AMOLED 屏幕, M2 芯片架构)."""
    return bool(ex.grammar(r"\s*(?:{{equip.tail_filler}})?\s*(?:{{equip.hardware_noun}})?\s*{{equip.part_noun}}")
                .match(sent.text, end, sent.end))


def guessed(m) -> bool:
    """A class that only the name's shape or its role gave it."""
    return m.source.startswith("shape") or m.typed_by in ("role", "list") or m.source == "context"


def hardware_group(ex, sent, group):
    """The hardware of a coordinated group (M2 Pro 与 M2 Max 芯片): a listed
    chip, or a guessed name when a hardware noun follows the group."""
    cued = bool(group) and tail(ex, sent, group[-1].end, "equip.hardware_noun")
    out = []
    for m in group:
        if m.cls == "Hardware" and (not guessed(m) or any(c.isdigit() for c in m.text)):
            out.append(m)
        elif cued and guessed(m) and any(c.isdigit() for c in m.text):
            out.append(replace(m, cls="Hardware", typed_by="role"))     # a chip name has a number (M2 Pro, not Max)
    return out


def _rumoured(ex, sent, pos):
    """A rumour, a condition or a device in the making in the sentence
    before ``pos`` (传…, 据爆料, 如果推出…, 正在研发…), or a plan right before it."""
    return bool(ex.grammar(r"{{equip.rumour}}|{{equip.develop}}|{{equip.condition}}").search(sent.text, sent.start, pos)
                or ex.grammar(r"\s*{{equip.rumour_lead}}").match(sent.text, sent.start, pos)
                or ex.grammar(r"(?:{{equip.plan}})\S{0,3}$").search(sent.text[clause_start(sent, pos):pos]))


@frame("equip")
def equip(ex, pattern, rx, sent):
    """S 搭载/采用/使用 … CHIP; X上搭载的这颗CHIP; 搭载CHIP的X; 在CHIP的加持下."""
    dom = ex.domain(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        if _rumoured(ex, sent, trig.start()):
            continue
        at = trig.end()
        de = starts(ex, sent, at, "equip.de") and sent.text[at:at + 1].strip() != ""
        if de:                                      # X上搭载的这颗Y芯片
            at += 1
        if trig.group() in ex.word_set("equip.support_trigger"):
            k = last(ex, sent, "equip.at", clause_start(sent, trig.start()), trig.start())
            group = [m for m in right(ex, sent, k + 1, _THINGS, limit=4) if m.end <= trig.start()] if k >= 0 else []
        else:
            group = right(ex, sent, at, _THINGS, limit=pattern.object_limit)
        objects = hardware_group(ex, sent, group)
        if not objects or part(ex, sent, group[-1].end):
            continue
        subjects = _carrier(ex, sent, trig, group, dom, de)
        if not subjects or hedged(ex, sent, subjects[-1].end, trig):
            continue
        if hardware_group(ex, sent, subjects) or tail(ex, sent, subjects[-1].end, "equip.hardware_noun") \
                or part(ex, sent, subjects[-1].end):
            continue                            # M2 Pro 芯片采用 M2 架构: a chip or a part is no carrier
        if _other_carrier(ex, sent, subjects, trig) or _unnamed_device(ex, sent, subjects, trig):
            continue
        for s in subjects:
            for o in objects:
                yield s, pattern.predicate, o, 1.0


def _carrier(ex, sent, trig, group, dom, de):
    if de:                                      # X 上搭载的: the mention before 上
        before = sent.text[max(sent.start, trig.start() - 3):trig.start()].rstrip()
        if not before.endswith(ex.words("equip.on")):
            return []
        found = left(ex, sent, trig.start(), dom, ("Product",), limit=4, nearest=True, skip_after=())
        k = sent.text.rfind(before[-1], sent.start, trig.start())
        return found or _named_elsewhere(ex, sent, k, dom)
    after = ex.grammar(r"\s*(?:{{equip.hardware_noun}})?\s*{{equip.de}}\s*").match(sent.text, group[-1].end, sent.end)
    if after:                                   # 搭载M2芯片的 Mac mini
        nxt = right(ex, sent, after.end(), dom, ("Product",), limit=2, skips=0)
        if nxt and nxt[0].cls == "Product":
            return nxt[:1]
    if trig.group() in ex.word_set("equip.support_trigger"):
        k = last(ex, sent, "equip.at", clause_start(sent, trig.start()), trig.start())
        if k < 0:                               # 在Y芯片的加持下 only
            return []
        return _device(ex, sent, left(ex, sent, k, dom, ("Product",)), k, dom)
    return _device(ex, sent, left(ex, sent, trig.start(), dom, ("Product",)), trig.start(), dom)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+-]*(?: [A-Za-z0-9+-]+)?$")


def _named_elsewhere(ex, sent, pos, dom):
    """X90 上搭载的: a short name the recogniser left out here but named as
    a mention elsewhere in the document is that mention."""
    text = sent.text[max(sent.start, pos - 24):pos].rstrip()
    m = _TOKEN.search(text)
    if not m:
        return []
    end = pos - (len(sent.text[max(sent.start, pos - 24):pos]) - len(text))
    start = end - len(m.group())
    named = sent.index.by_text.get(m.group(), []) if sent.index else sent.everything
    same = [x for x in named if x.text == m.group() and x.cls and ex.fits(x.cls, dom)]
    return [replace(same[0], start=start, end=end)] if same else []


def _other_carrier(ex, sent, subjects, trig):
    """英伟达宣布与比亚迪合作，新车全系装备 X 芯片: a company from an
    earlier clause while the verb's own clause names an unnamed carrier
    (more than an adverb like 全系 before the verb)."""
    start = clause_start(sent, trig.start())
    if not sent.start <= subjects[-1].start or subjects[-1].end > start or subjects[-1].cls not in ex.orgs:
        return False
    if any(start <= m.start and m.end <= trig.start() for m in sent.mentions):
        return False
    return len(sent.text[start:trig.start()].strip()) > 2


_NAME_GOES_ON = r"\s*(?:(?!{{equip.series}})[\u4e00-\u9fff]{1,3}\s*)?[A-Za-z]*\d[A-Za-z0-9]*(?![A-Za-z0-9]|\s*(?:[年月日]|{{equip.model_year}}))"


def _unnamed_device(ex, sent, subjects, trig):
    """小米 12 Lite 5G NE 搭载…, ROG 冰刃 7 双屏首发…: a maker or a brand
    whose name a device name the recogniser left out goes on is only that
    device's brand; the chip is the device's, and the device is not named."""
    if len(subjects) != 1 or not (subjects[0].cls in ex.orgs or subjects[0].cls == "Product"):
        return False
    s = subjects[0]
    goes_on = ex.grammar(_NAME_GOES_ON).match(sent.text, s.end, trig.start())
    return bool(goes_on) and not any(s.end <= m.start < goes_on.end() and m.cls for m in sent.mentions)


def _device(ex, sent, subjects, pos, dom):
    """三星发布了三星 Galaxy S23 系列，全系配备…: the device named after the
    company and before the verb carries the chip, not its maker."""
    if len(subjects) != 1 or subjects[0].cls not in ex.orgs:
        return subjects
    devices = [m for m in sent.mentions if subjects[0].end <= m.start and m.end <= pos
               and (m.cls == "Product" or (m.cls == "AIModel" and guessed(m))) and ex.fits(m.cls, dom)]
    return devices[-1:] or subjects


def plain_object(ex, sent, m, strong):
    """An integrated object that is a model or a product, not a chip, a part
    or a technology: a listed name, or (after 接入/集成) one a model or
    product noun follows."""
    if tail(ex, sent, m.end, "equip.hardware_noun") or part(ex, sent, m.end):
        return False
    if m.metonym:
        return strong
    if not strong or m.typed_by in ("role", "list"):
        return (bool(m.key) and not guessed(m)) or tail(ex, sent, m.end, "equip.software_noun")
    return True
