"""What a thing carries (usesHardware), connects (integrated) and bans
(banned): one table per construction, each with sentences where the
mechanism must not fire. Every sentence was written for these tests; the
companies, devices, chips and models in them are invented (real products
appear only as the thing used or banned)."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor
from kg.text.document import Document

F = set
MINE = ("integrated", "usesHardware", "banned")


def facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate in MINE}


# a chip a device carries is usesHardware, never integrated
CARRIES = [
    ("Orion X9 手机搭载了 LX900 芯片。", F({("Orion X9", "usesHardware", "LX900")})),
    ("Orion X9 手机搭载 LX900 与 LX800 芯片，性能更强。",
     F({("Orion X9", "usesHardware", "LX900"), ("Orion X9", "usesHardware", "LX800")})),
    ("Orion X9 手机采用 LX900 主摄。", F({("Orion X9", "usesHardware", "LX900")})),
    ("Orion X9 手机在 LX900 芯片的加持下，续航更长。", F({("Orion X9", "usesHardware", "LX900")})),
    ("Zeta-7B 使用 2048 块 H800 GPU 训练。", F({("Zeta-7B", "usesHardware", "H800")})),
    # a part, a material or an architecture is no chip and no model
    ("Orion X9 采用 LX900 屏幕。", F()),
    ("LX900 芯片采用 LX800 芯片架构。", F()),
    # a rumour, a plan, a device still in the making
    ("据爆料，Orion X9 将搭载 LX900 芯片。", F()),
    ("星河科技正在研发搭载 LX900 芯片的 Orion X9。", F()),
    # a model a device carries is not hardware
    ("Orion X9 搭载了 Zeta-7B 大模型。", F()),
]


@pytest.mark.parametrize("text, expected", CARRIES)
def test_carries(extractor, text, expected):
    assert facts(extractor, text) == expected


CONNECTS = [
    ("Nova助手已接入Zeta-7B大模型。", F({("Nova", "integrated", "Zeta-7B")})),
    ("北辰公司、星河科技等企业宣布接入Zeta-7B。",
     F({("北辰公司", "integrated", "Zeta-7B"), ("星河科技", "integrated", "Zeta-7B")})),
    ("Nova助手接入了星河科技的 Zeta-7B。", F({("Nova", "integrated", "Zeta-7B")})),
    ("北辰公司宣布使用 GPT-4 扫描商业网站。", F({("北辰公司", "integrated", "GPT-4")})),
    ("目前，Claude Code上，Zeta-7B已全面上线。", F({("Claude Code", "integrated", "Zeta-7B")})),
    ("Zeta-7B 已在 Claude Code 上正式上线。", F({("Claude Code", "integrated", "Zeta-7B")})),
    ("ChatGPT 由 GPT-4 驱动。", F({("ChatGPT", "integrated", "GPT-4")})),
    ("GPT-4 为 Bing 提供支持。", F({("Bing", "integrated", "GPT-4")})),
    ("北辰公司大股东微软的 Nova Pro 已经用上 Zeta-7B。", F({("微软", "integrated", "Zeta-7B")})),
    # plans and a user's choice
    ("Nova助手计划接入Zeta-7B大模型。", F()),
    ("Nova助手表示将接入Zeta-7B大模型。", F()),
    ("Zeta-7B 将在 Claude Code 上上线。", F()),
    ("Nova助手允许用户使用Zeta-7B大模型生成图片。", F()),
    # a technology or a part is no model
    ("星河科技的新车采用了集成在发动机罩内的 LX 日间行车灯。", F()),
    ("北辰公司指责竞争对手采用 Bing 搜索引擎数据开发产品。", F()),
    # an organisation supporting another is no integration
    ("北辰公司为星河科技提供支持。", F()),
]


@pytest.mark.parametrize("text, expected", CONNECTS)
def test_connects(extractor, text, expected):
    assert facts(extractor, text) == expected


BANS = [
    ("北辰公司禁止员工在工作中使用 ChatGPT。", F({("北辰公司", "banned", "ChatGPT")})),
    ("北辰公司要求员工避免使用 ChatGPT。", F({("北辰公司", "banned", "ChatGPT")})),
    ("北辰市政府发布 TikTok 禁令。", F({("北辰市政府", "banned", "TikTok")})),
    ("北辰市政府对 TikTok 的禁令引发争议。", F({("北辰市政府", "banned", "TikTok")})),
    # the one 被禁止 is the one banned, not the banning party
    ("陈立群被禁止进入 Facebook 和 Instagram。", F()),
    ("用户可以在设置中禁用 ChatGPT 插件。", F()),
    ("传星河科技叫停与北辰公司合作。", F()),
    ("北辰市政府呼吁禁止 TikTok。", F()),
    # an export ban restricts sales, not use; a party restricted from acting is not banned
    ("北辰市政府禁止华为把芯片卖到海外。", F()),
    ("北辰公司限制华为使用 Zeta-7B。", F()),
    ("北辰市政府禁止 TikTok 出口到海外。", F()),
    # an account cut off; one's own product withdrawn
    ("北辰公司随后封杀了他的 Instagram 账户。", F()),
    ("星河科技已经宣布停产、下架 Nova助手。", F()),
]


@pytest.mark.parametrize("text, expected", BANS)
def test_bans(extractor, text, expected):
    assert facts(extractor, text) == expected


REQUESTS = [
    # a request to another body is no ban by the one asking
    ("北辰公司要求北辰市政府禁止 TikTok。", F()),
]


@pytest.mark.parametrize("text, expected", REQUESTS)
def test_requests(extractor, text, expected):
    assert facts(extractor, text) == expected


BA_INTO = [
    # 将 O 集成到 X: the product after 到 and the party before 将 both integrated O
    ("星河科技将Zeta-7B集成到了Claude Code里面。",
     F({("Claude Code", "integrated", "Zeta-7B")})),
    ("北辰公司将Zeta-7B集成到了Claude Code里面。",
     F({("北辰公司", "integrated", "Zeta-7B"), ("Claude Code", "integrated", "Zeta-7B")})),
    # 将 marks the future here, not the object; a capability is no fact
    ("未来，北辰公司的主流业务将与Zeta-7B整合。", F()),
    ("你可以把 Zeta-7B 接入 Claude Code。", F()),
]


@pytest.mark.parametrize("text, expected", BA_INTO)
def test_ba_into(extractor, text, expected):
    assert facts(extractor, text) == expected


MORE = [
    # a feature of the thing is what is brought in
    ("北辰公司引入了 ChatGPT 端到端加密功能。", F()),
    # …，调用X的企业: the enterprises use X, not the clause's subject
    ("北辰公司开放了内测，调用 Zeta-7B 的企业数量快速增长。", F()),
    # a place before an unnamed party is not the one banning
    ("更多北辰国高校禁止 TikTok 进入校园网络。", F()),
    ("意大利高校禁止 TikTok 进入校园网络。", F()),
    ("意大利禁止 TikTok 进入校园网络。", F({("意大利", "banned", "TikTok")})),
    ("近几个月来，意大利各地的公立大学纷纷禁止 TikTok。", F()),
    # a word only its cue typed, with no number, is no chip (M2 Pro、Max 芯片)
    ("Orion X9 搭载 Max 芯片。", F()),
    # a product still in the making
    ("北辰公司正开发一款基于 ChatGPT 的新产品。", F()),
]


@pytest.mark.parametrize("text, expected", MORE)
def test_more(extractor, text, expected):
    assert facts(extractor, text) == expected


HOSTED = [
    # S 创建一个由 Y 驱动的系统: S made it with Y; a named product after 的 is the other frame's
    ("北辰公司正在创建一个由 GPT-4 驱动的系统。", F({("北辰公司", "integrated", "GPT-4")})),
    ("北辰公司正在创建一个由 GPT-4 驱动的未来。", F()),
    # 让 Y 在 X 云上落地: X is where Y runs
    ("北辰公司联手微软，让 Zeta-7B 在全球最大的 Azure 云上落地。", F({("Azure", "integrated", "Zeta-7B")})),
    ("北辰公司联手微软，让 Zeta-7B 在全球最大的 Azure 云上将要落地。", F()),
]


@pytest.mark.parametrize("text, expected", HOSTED)
def test_hosted(extractor, text, expected):
    assert facts(extractor, text) == expected


CUSTOMERS = [
    ("北辰公司是 ChatGPT 的付费客户。", F({("北辰公司", "integrated", "ChatGPT")})),
    ("北辰公司是 ChatGPT 的大客户之一。", F({("北辰公司", "integrated", "ChatGPT")})),
    # a count of users, a plan
    ("北辰公司透露 ChatGPT 的用户数已经过亿。", F()),
    ("北辰公司计划成为 ChatGPT 的客户。", F()),
    ("如果把 Facebook、Instagram 的几亿用户说成是 ChatGPT 的客户，那就错了。", F()),
    ("北辰公司的用户说成是 ChatGPT 的客户。", F()),
]


@pytest.mark.parametrize("text, expected", CUSTOMERS)
def test_customers(extractor, text, expected):
    assert facts(extractor, text) == expected


CONNECTED_DE = [
    # 接入 O 的 X: the product after 的 integrated O
    ("已经接入 Zeta-7B 的 Nova助手表现更好。", F({("Nova", "integrated", "Zeta-7B")})),
    ("内置 Zeta-7B 大模型的 Claude Code 已经上线。", F({("Claude Code", "integrated", "Zeta-7B")})),
    # a plan; a company before 的 is its owner, not the thing connected
    ("即将接入 Zeta-7B 的 Nova助手表现更好。", F()),
    ("接入 OpenAI 的 Nova助手表现更好。", F()),
]


@pytest.mark.parametrize("text, expected", CONNECTED_DE)
def test_connected_de(extractor, text, expected):
    assert facts(extractor, text) == expected


REMOVALS = [
    # an order to remove it from devices is a ban; a removal alone is not
    ("北辰市政府要求公务员从工作设备中删除 TikTok。", F({("北辰市政府", "banned", "TikTok")})),
    ("北辰公司删除了 TikTok 上的视频。", F()),
    ("北辰市政府从设备中删除了 TikTok。", F()),
    # blocking and delisting by a store
    ("北辰市政府宣布封锁 Twitter。", F({("北辰市政府", "banned", "Twitter")})),
    ("苹果已从 App Store 下架 TikTok。", F({("苹果", "banned", "TikTok")})),
]


@pytest.mark.parametrize("text, expected", REMOVALS)
def test_removals(extractor, text, expected):
    assert facts(extractor, text) == expected
