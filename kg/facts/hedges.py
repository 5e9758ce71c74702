"""The cues that cancel a fact besides the hedge words between subject and
trigger (``Context.hedged``): a rumour source before the subject (消息称苹果…,
传特斯拉叫停…, 根据此前的爆料，…), and a future or modal word standing
directly before the trigger (苹果明年将推出…, 谷歌会发布…) or a 将 that
introduces no object (将 + name is the disposal construction, 将X开源).

The words are the ``hedges.*`` lists of ``kg/data/words/hedges.tsv``; the
helpers here are read by :func:`kg.facts.roles.hedged`, so every relation
that checks its hedges gets them."""

from __future__ import annotations

from kg.facts.sentences import clause_start

_LEAD_START = r"\s*(?:{{hedges.lead_start}})(?!{{hedges.lead_start_not}})"
_LEAD = "{{hedges.lead}}"
_MODAL = r"(?:{{hedges.modal}})\s*(?:(?:{{hedges.modal_adverb}}|\d{4}\s*年|\d{1,2}\s*月)\s*){0,3}$"
_NOT_MODAL = r"(?:{{hedges.modal_not}})\s*(?:{{hedges.modal_adverb}}\s*){0,2}$"
_FUTURE = "{{hedges.future}}"
_FUTURE_TIME = "{{hedges.future_time}}"
_FUTURE_AFTER = r"\s*(?:{{hedges.future_after}})"
_NOT_FUTURE = "{{hedges.future_not}}"


def _masked(sent, start: int, end: int) -> str:
    """text[start:end] with the names in it blanked (a name holding 传 is no rumour)."""
    chars = list(sent.text[start:end])
    for m in sent.mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def rumoured(ex, sent, trigger_at: int) -> bool:
    """A rumour source before the first name of the trigger's clause: at the
    start of that clause (传X…, 曝X…) or anywhere before it in the sentence
    (消息称, 据传, 根据此前的爆料，…)."""
    clause = clause_start(sent, trigger_at)
    first = next((m.start for m in sent.mentions if clause <= m.start < trigger_at), trigger_at)
    opening = next((m.start for m in sent.mentions if m.start < trigger_at), trigger_at)
    if ex.grammar(_LEAD_START).match(_masked(sent, clause, first)) \
            or ex.grammar(_LEAD_START).match(_masked(sent, sent.start, opening)):
        return True             # 传X…, and 传X正在研发Y，搭载Z: the whole sentence is rumour
    lead = _masked(sent, clause, first)
    if ex.grammar(_FUTURE_TIME).search(lead):
        return True             # 今年秋季晚些时候将X引入Y
    return bool(ex.grammar(_LEAD).search(_masked(sent, sent.start, first)))


def modal(ex, sent, subject_end: int, trigger_at: int) -> bool:
    """将/会 directly before the trigger (maybe with 正式, 陆续 …), a future
    time or obligation (明年, 须) between subject and trigger, or a 将 there
    with no name after it."""
    seg = sent.text[subject_end:trigger_at]
    if ex.grammar(_MODAL).search(seg) and not ex.grammar(_NOT_MODAL).search(seg):
        return True
    if ex.grammar(_FUTURE_TIME).search(seg):
        return True
    for m in ex.grammar(_FUTURE).finditer(seg):
        at = subject_end + m.start()
        if ex.grammar(_NOT_FUTURE).match(sent.text, at):
            continue
        if ex.grammar(_FUTURE_AFTER).match(sent.text, at + len(m.group())) \
                or not any(at < x.start and x.end <= trigger_at for x in sent.mentions):
            return True
    return False
