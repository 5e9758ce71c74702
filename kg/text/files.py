"""Input files → :class:`Document`: find the files, decode the bytes
(UTF-8, UTF-16 with BOM, GB18030, Big5), refuse binary or empty input with
an :class:`~kg.errors.InputError` that names the file and the fix."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.model import DocumentInfo

__all__ = ["Document", "decode", "iter_input_files", "read_document", "real_path", "title_of"]

TITLE_MAX = 120


@dataclass(frozen=True)
class Document:
    doc_id: str               # first 16 hex digits of sha256
    sha256: str               # of the decoded text, encoded UTF-8
    title: str
    original: str             # decoded text, \n line ends, no BOM
    files: tuple[str, ...]    # file names (several when the same text comes twice)

    def info(self) -> DocumentInfo:
        """What an extraction keeps of its document (no text)."""
        return DocumentInfo(self.doc_id, self.sha256, self.title, self.files)

    @classmethod
    def from_text(cls, original: str, name: str = "text.txt") -> "Document":
        """The document of a decoded text, as if read from a file called ``name``."""
        sha = hashlib.sha256(original.encode("utf-8")).hexdigest()
        return cls(sha[:16], sha, title_of(original), original, (name,))


_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"PK\x03\x04", "ZIP (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "Microsoft Office (.doc)"), (b"{\\rtf", "RTF"),
    (b"\x7fELF", "executable"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"), (b"RIFF", "RIFF media"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What a wrong legacy codec produces from Chinese bytes: C1 controls, private
# use, replacement chars, Greek/Cyrillic, box drawing, kana, bopomofo, half-width kana.
_IMPLAUSIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\u0370-\u052f\u2500-\u257f"
    "\u3040-\u30fa\u3100-\u312f\uff61-\uff9f]")
_HAN = re.compile(r"[\u3400-\u9fff]")
# The ~1,150 most frequent Chinese characters, Simplified and Traditional forms:
# the right codec turns Chinese bytes into many of them, the wrong one into few.
_FREQUENT = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
    "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
    "理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两"
    "高间由问很最重并物手应向头文体相见被利什二等产或新己制身果加月话合回特代内信表化老给世位"
    "次度门任常先海通教原东提立及比员解水名真论处走义各入几口认条平系气题活更别打变四总何电数"
    "安少报才结反受目太量再感建务做接必场件计管期市直资山金指许统区保至队形社便空决展马科司五"
    "基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉"
    "格望觉术领共确传师观清今切让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往"
    "元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城"
    "石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委"
    "乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武"
    "红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严"
    "巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父"
    "苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校"
    "苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置"
    "居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州"
    "静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱"
    "抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评"
    "版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂"
    "误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢"
    "鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招"
    "婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君"
    "禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森"
    "塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析"
    "窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲"
    "络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸"
    "摩盟末乃悲拍丁赵這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實無與長機關點業"
    "將兩間問並應頭體見產話內給門東員論處義幾認條氣題別變總電數報結務場計資許統區隊決馬書則聽"
    "卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠臺單"
    "羅愛擊備連調質團價黨華級離況亞請際約覆線斷滿視須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語"
    "僅隨選紅響雖勢參衆構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢"
    "網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔"
    "靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞"
    "壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順"
    "輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩"
    "夥盤擴蓋穩億擁楊齊賽牀虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈針絡純頁傑築鄭貝吳圓殘誠寬擺毀趙")
_LEGACY = ("gb18030", "big5", "big5hkscs")   # tried in this order; gb18030 ⊇ gbk ⊇ gb2312
_PLAUSIBLE_SHARE = 0.01
_BINARY_SHARE = 0.01
_FIX = "save it as UTF-8 text"


def decode(data: bytes, name: str) -> str:
    """Bytes → text with \\n line ends and no BOM, or an InputError naming ``name``."""
    if not data:
        raise InputError(f"{name}: empty file; put the article text in it or remove it")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: is a {kind} file, not plain text; {_FIX}")
    text = _decode_bom(data, name)
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name}: contains NUL bytes, so it is binary (or UTF-16 "
                             f"without a byte-order mark); {_FIX}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":   # cut inside the last character
                text = data[:exc.start].decode("utf-8")
            else:
                text = _decode_legacy(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _count(_CONTROL, text) > _BINARY_SHARE * len(text):
        raise InputError(f"{name}: looks binary (too many control characters); {_FIX}")
    if not text.strip():
        raise InputError(f"{name}: empty file (only whitespace); put the article text in it "
                         "or remove it")
    return text


def _decode_bom(data: bytes, name: str) -> str | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {label} byte-order mark but is not "
                                 f"valid {label} (byte {exc.start}); {_FIX}") from exc
    return None


def _decode_legacy(data: bytes, name: str) -> str:
    """GB18030 or Big5, whichever decodes strictly into plausible Chinese. A
    Big5 file usually also decodes as GB18030, into kana, Cyrillic and
    private-use junk, which the plausibility check rejects. When both look
    fine (short input), the one with more frequent characters wins; on a
    tie charset-normalizer decides."""
    scored: dict[str, tuple[float, str]] = {}
    for codec in _LEGACY:
        if codec == "big5hkscs" and "big5" in scored:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _count(_IMPLAUSIBLE, text) / max(len(text), 1)
        if share <= _PLAUSIBLE_SHARE:
            scored[codec] = (share, text)
    if not scored:
        raise InputError(f"{name}: cannot decode as UTF-8, UTF-16, GB18030 or Big5; {_FIX}")
    if len(scored) == 1:
        return next(iter(scored.values()))[1]
    rank = {codec: (_frequent_share(text), _common_share(text, codec))
            for codec, (_, text) in scored.items()}
    top = max(rank.values())
    tied = [codec for codec in scored if rank[codec] == top]
    if len(tied) > 1:
        guess = _charset_guess(data)
        if guess in tied:
            return scored[guess][1]
    return scored[min(tied, key=lambda c: (scored[c][0], _LEGACY.index(c)))][1]


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` match a one-character ``pattern``
    (without a list of them: a 20 MB file would make millions of strings)."""
    return len(text) - len(pattern.sub("", text))


def _han_counts(text: str) -> Counter:
    return Counter({c: n for c, n in Counter(text).items() if _HAN.match(c)})


def _frequent_share(text: str) -> float:
    counts = _han_counts(text)
    total = sum(counts.values())
    return sum(n for c, n in counts.items() if c in _FREQUENT) / total if total else 0.0


def _common_share(text: str, codec: str) -> float:
    """Share of Han characters from the codec's frequent-character level
    (GB2312 level 1: lead bytes B0–D7; Big5 level 1: A4–C6). Short Chinese
    byte strings often decode under both codecs; the wrong one yields rare
    characters."""
    counts = _han_counts(text)
    if not counts:
        return 0.0
    lo, hi = (0xB0, 0xD7) if codec == "gb18030" else (0xA4, 0xC6)
    common = 0
    for char, n in counts.items():
        raw = char.encode(codec)
        common += n if len(raw) == 2 and lo <= raw[0] <= hi else 0
    return common / sum(counts.values())


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "gb2312", "big5", "cp950",
                                          "big5hkscs"]).best()
    if best is None:
        return None
    enc = best.encoding.lower().replace("-", "").replace("_", "")
    if enc in ("gb18030", "gbk", "gb2312"):
        return "gb18030"
    if enc in ("big5", "cp950"):
        return "big5"
    return "big5hkscs" if enc == "big5hkscs" else None


def iter_input_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus ``*.txt`` found recursively in folders (names
    starting with '.' skipped inside folders), without duplicates, sorted.
    A broken link named ``*.txt`` is listed too, so that reading it says so."""
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        if path.is_file():
            found.setdefault(real_path(path), path)
        elif path.is_dir():
            for file in path.rglob("*"):
                rel = file.relative_to(path).parts
                if (file.suffix.lower() == ".txt" and (file.is_file() or _broken_link(file))
                        and not any(part.startswith(".") for part in rel)):
                    found.setdefault(real_path(file), file)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")
    return sorted(found.values(), key=lambda p: p.as_posix())


def real_path(path: Path) -> str:
    """Where ``path`` leads, to tell two names of one file apart; unlike
    ``Path.resolve`` it does not raise on a symlink loop."""
    return os.path.realpath(path)


def _broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def read_document(path: Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file "
                         "and its permissions") from exc
    return Document.from_text(decode(data, str(path)), path.name)


_MD_ONLY_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LEAD_MARKS = re.compile(r"^(?:#{1,6}(?=\s|[^#])|>|[*+-](?=\s)|\s)+")
_TRAIL_MARKS = re.compile(r"[\s#]+$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_TITLE_SCAN = 4 * TITLE_MAX


def _lines(text: str):
    """The lines of ``text``, one at a time (no list of a 20 MB file's lines)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def title_of(text: str) -> str:
    """The first line with words in it, stripped of markdown heading, quote
    and list marks, emphasis and trailing '#'; at most TITLE_MAX chars.
    Only a line's first few hundred characters are looked at, so a huge
    one-line file costs no more than a short one."""
    for line in _lines(text):
        line = _TRAIL_MARKS.sub("", _LEAD_MARKS.sub("", line.strip()[:_TITLE_SCAN]))
        line = _EMPHASIS.sub(r"\2", line).strip()
        if line and not _MD_ONLY_IMAGE.fullmatch(line):
            return line[:TITLE_MAX]
    return ""
