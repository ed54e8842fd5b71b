"""Chinese everyday word problems of a few fixed kinds, said the way the English forms read them.

A Chinese primary-school question is often a one-sentence story of a kind every textbook has: a price and
a discount (打八五折), a shape and its measures (一个长方形菜地长12米，宽7.5米，面积是多少平方米), a die or a bag
of balls and a probability, a class shaking hands. The English forms already solve each kind
(``stories``, ``geometry``, ``data.probability``, ``counting``); this module rewrites the whole Chinese
question as their English twin. The rules of :mod:`.chinese` hold here too: the whole question must be
read, every number must have its place (one left over, such as a second price cut, leaves the question
alone), and anything not listed gives ``None``, so the question goes to the model-written programs.

Each reader gets the question twice: ``raw`` as typed (to see words that :func:`to_ascii_math` turns into
math, such as 折) and ``text``, its ASCII-math form with the chat peeled off.
"""

from __future__ import annotations

import re

_NUM = r"(\d+(?:\.\d+)?)"
_END = r"\s*[?.!]?\s*$"
_ASK = r"(?:是多少|是几|为多少|有多少|等于多少|有多大|是多大)"
_COUNTER = r"(?:1\s*(?:件|个|双|台|本|条|顶|辆|套|部|块|张|只|盒|瓶|袋))"
_FILLER = r"[^\d\s,;:?!.()=%]{0,8}?"
"""A few words with no number and no clause break: a noun (菜地, 鱼缸), a shop (商场), a time (现在)."""

_LENGTH_UNITS = {"毫米": "mm", "厘米": "cm", "分米": "dm", "米": "m", "千米": "km", "公里": "km"}
_LENGTH = "(" + "|".join(sorted(_LENGTH_UNITS, key=len, reverse=True)) + ")"


def as_english_story(raw: str, text: str) -> str | None:
    """The English twin of a Chinese word problem of a known kind, or None."""
    for reader in (_discount, _shape, _die, _bag, _handshakes, _digit_numbers, _planting, _heads_and_legs, _work):
        english = reader(raw, text)
        if english is not None:
            return english
    return None


# ---------------------------------------------------------------- 打折: a price and a discount

_PRICE_NOW = (r"(?:现在|打折后|折后|以后|后|现价|最后|实际)?\s*(?:买|卖|售价|价格|的价格)?\s*(?:1\s*(?:件|个|本|双))?\s*"
              r"(?:要|需要|应|应该|得|只要)?\s*(?:付|花|卖|支付)?\s*(?:是|为)?\s*(?:多少钱|多少元|几元)")
_SAVED = r"(?:比原价)?\s*(?:便宜|省|少花|少付|优惠|节省|省下)了?\s*(?:多少钱|多少元|几元)"


def _discount(raw: str, text: str) -> str | None:
    """'480元打七五折是多少元' -> 'what is 75% of 480'; '原价360元，打八五折，便宜了多少钱' -> 'what is 15% of 360'.

    ``to_ascii_math`` has already written the discount as the price factor (打八五折 -> 85%); the raw text must
    say 折 and no other share (百分之, 成, %), so a price rise of 20% is never read as a discount."""
    if "折" not in raw or re.search(r"[%％]|百分之|成|涨|提价|加价|增加|又|再", raw):
        return None
    m = re.fullmatch(
        rf"(?:{_COUNTER}{_FILLER})?(?:原价|标价|定价|售价|价格|原来)?(?:是|为)?\s*{_NUM}\s*元\s*,?\s*(?:的)?\s*"
        rf"{_FILLER}\s*(?:打)?\s*{_NUM}%\s*,?\s*(?P<ask>{_PRICE_NOW}|{_SAVED})" + _END, text)
    if m is None:
        return None
    price, share = m.group(1), m.group(2)
    if re.fullmatch(_SAVED, m.group("ask").strip()):
        share_left = 100 - float(share)
        if share_left <= 0:
            return None
        return f"what is {share_left:g}% of {price}"
    return f"what is {share}% of {price}"


# ---------------------------------------------------------------- shapes: 长方形长12米，宽7.5米，面积是多少

_SHAPES = {"长方形": "rectangle", "正方形": "square", "长方体": "box", "正方体": "cube", "圆形": "circle", "圆": "circle",
           "三角形": "triangle"}
_MEASURES = {"长": "long", "宽": "wide", "高": "high", "边长": "side", "棱长": "edge", "半径": "radius",
             "直径": "diameter", "底": "base"}
_ASKED = {"面积": "area", "周长": "perimeter", "体积": "volume", "表面积": "surface area"}
_MEASURE = r"(边长|棱长|半径|直径|长|宽|高|底)"
_WORDS = r"[^\d\s,;:?!.()=]"
_SHAPE_Q = re.compile(
    r"^(?:1\s*(?:个|块|张|间|只|根)\s*)?(?P<noun1>" + _WORDS + r"{0,4}?)(?P<shape>长方形|正方形|长方体|正方体|圆形|圆|三角形)"
    r"(?P<noun>" + _WORDS + r"{0,4}?)"
    r"\s*(?:的)?\s*(?P<dims>(?:,?\s*(?:它的)?" + _MEASURE + r"\s*(?:是|为|有)?\s*" + _NUM + r"\s*" + _LENGTH + r"\s*)+)"
    r",?\s*(?P<prefix>" + _WORDS + r"{0,6}?)\s*(?P<asked>表面积|面积|周长|体积)\s*" + _ASK
    + r"?\s*(?P<unit>平方" + _LENGTH + r"|立方" + _LENGTH + r"|" + _LENGTH + r")?" + r"\s*(?:\(\s*[^()\d]{0,12}\))?"
    r"(?:\s*[,?.]?\s*(?:π|pi)\s*(?:取|=|按|用|取值)?\s*(?P<pi>3\.14|22/7)(?:计算|算)?)?" + _END)
_OTHER_THING = re.compile(r"路|边|框|围|周|内|外|里面|剩|空白|阴影|部分|比|多|少|和|与|半|铁丝|绳|增|减|扩|缩|改|剪|拼|切|挖"
                          r"|倒|深|面上|上升|下降|放|浸|每|共|一共|两|个数|次")
"""Words around a shape that may bring in a second thing or change what is asked (a path round a plot, a
border, a half, what is cut off, water rising): the question is then left alone. Other words name the
shape's object (菜地, 鱼缸, 圆桌桌面) or refer back to it (它的, 这个花坛的)."""


def _shape(raw: str, text: str) -> str | None:
    """'一个长方形菜地长12米，宽7.5米，面积是多少平方米' -> 'a rectangle is 12 m long and 7.5 m wide. what is its
    area in square m?'"""
    m = _SHAPE_Q.match(text)
    if m is None or any(_OTHER_THING.search(m.group(g)) for g in ("noun1", "noun", "prefix")):
        return None
    shape = _SHAPES[m.group("shape")]
    dims = re.findall(_MEASURE + r"\s*(?:是|为|有)?\s*" + _NUM + r"\s*" + _LENGTH, m.group("dims"))
    units = {u for _, _, u in dims}
    names = [d for d, _, _ in dims]
    if len(units) != 1 or len(set(names)) != len(names):
        return None  # mixed units or a measure given twice: leave it to the programs
    unit = _LENGTH_UNITS[units.pop()]
    given = {_MEASURES[d]: v for d, v, _ in dims}
    asked = _ASKED[m.group("asked")]
    if m.group("unit"):
        wanted = m.group("unit")
        power = {"平方": 2, "立方": 3}.get(wanted[:2], 1)
        need = {"area": 2, "surface area": 2, "perimeter": 1, "volume": 3}[asked]
        if power != need or _LENGTH_UNITS[wanted[2:] if power > 1 else wanted] != unit:
            return None  # the answer asked in another unit: a conversion the English forms do not make here
    if shape in ("rectangle",) and set(given) == {"long", "wide"}:
        about = f"a rectangle is {given['long']} {unit} long and {given['wide']} {unit} wide"
    elif shape == "box" and set(given) == {"long", "wide", "high"}:
        about = f"a box is {given['long']} {unit} long, {given['wide']} {unit} wide and {given['high']} {unit} high"
    elif shape in ("square", "cube") and set(given) in ({"side"}, {"edge"}):
        about = f"a {shape} has {'a side' if shape == 'square' else 'an edge'} of {next(iter(given.values()))} {unit}"
    elif shape == "circle" and set(given) in ({"radius"}, {"diameter"}):
        (name, value), = given.items()
        about = f"a circle has a {name} of {value} {unit}"
        asked = "circumference" if asked == "perimeter" else asked
    elif shape == "triangle" and set(given) == {"base", "high"} and asked == "area":
        about = f"a triangle has a base of {given['base']} {unit} and a height of {given['high']} {unit}"
    else:
        return None
    if asked in ("volume", "surface area") and shape not in ("box", "cube"):
        return None
    if asked in ("area", "perimeter", "circumference") and shape in ("box", "cube"):
        return None
    pi = f" use {m.group('pi')} for pi" if m.group("pi") else ""
    if pi and shape != "circle":
        return None
    return f"{about}. what is its {asked}?{pi}"


# ---------------------------------------------------------------- a die: 掷一枚骰子，点数大于4的概率

_DIE = (r"^(?:掷|抛|扔|投)\s*(?:1\s*(?:枚|个|颗|次))?\s*(?:普通的?|均匀的?|正方体)?\s*(?:六面|6面)?(?:的)?\s*骰子"
        r"\s*(?:1\s*次)?\s*,?\s*(?:掷出的?|朝上的?|向上的?|出现的?|得到的?)?\s*(?:1面的)?\s*(?:点数|数字|数)\s*(?:是|为)?\s*"
        r"(?P<event>[^,?]+?)\s*的(?:概率|可能性)\s*" + _ASK + "?" + _END)
_DIE_EVENTS = [
    (r"大于\s*(\d)", "a number greater than {0}"), (r"小于\s*(\d)", "a number less than {0}"),
    (r"不小于\s*(\d)|至少是?\s*(\d)|(\d)\s*或以上", "at least {0}"), (r"不大于\s*(\d)|至多是?\s*(\d)|(\d)\s*或以下", "at most {0}"),
    (r"(\d)\s*的倍数", "a multiple of {0}"), (r"偶数", "an even number"), (r"奇数|单数", "an odd number"),
    (r"双数", "an even number"), (r"质数|素数", "a prime number"), (r"(\d)", "{0}"),
]


def _die(raw: str, text: str) -> str | None:
    """'掷一枚普通的骰子，点数大于4的概率是多少' -> 'what is the probability of rolling a number greater than 4 on a
    die?'"""
    m = re.match(_DIE, text)
    if m is None:
        return None
    event = m.group("event").strip()
    for pattern, english in _DIE_EVENTS:
        e = re.fullmatch(pattern, event)
        if e:
            number = next((g for g in e.groups() if g), "")
            return f"what is the probability of rolling {english.format(number)} on a die?"
    return None


# ---------------------------------------------------------------- a bag of balls: 摸到白球的概率

_COLOURS = {"红": "red", "白": "white", "黄": "yellow", "黑": "black", "蓝": "blue", "绿": "green", "紫": "purple",
            "橙": "orange", "粉": "pink"}
_COLOUR = "([" + "".join(_COLOURS) + "])"
_BALLS = r"(?:球|色球|色的球|珠子|色珠子|玻璃球|色玻璃球)"
_BAG = re.compile(
    r"^(?:1\s*个)?(?:不透明的)?(?:袋子|袋|口袋|盒子|盒|箱子|罐子)(?:里|中)?(?:面)?(?:装)?有\s*(?P<balls>(?:\d+\s*个\s*"
    + _COLOUR + _BALLS + r"\s*(?:,|和|与|还有)?\s*)+)\s*,?\s*(?:这些球除颜色外(?:都|完全)?相同\s*,?\s*)?"
    r"(?:从中|从袋子里|从里面)?\s*(?:随便|任意|随机|闭上眼睛)?\s*(?:摸|拿|取)(?:出)?\s*1\s*个(?:球)?\s*,?\s*"
    r"(?:摸到|拿到|取到|是|恰好是|摸出)\s*" + _COLOUR + _BALLS + r"\s*的(?:概率|可能性)\s*" + _ASK + "?" + _END)


def _bag(raw: str, text: str) -> str | None:
    """'袋子里有3个红球、5个白球、2个黄球，随便摸一个，摸到白球的概率是多少' -> 'a bag has 3 red balls, 5 white balls and
    2 yellow balls. what is the probability of picking a white ball?'"""
    m = _BAG.match(text)
    if m is None:
        return None
    balls = re.findall(r"(\d+)\s*个\s*" + _COLOUR, m.group("balls"))
    colours = [c for _, c in balls]
    wanted = m.group(m.lastindex)
    if len(set(colours)) != len(colours) or wanted not in colours:
        return None
    listed = [f"{n} {_COLOURS[c]} balls" for n, c in balls]
    said = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"a bag has {said}. what is the probability of picking a {_COLOURS[wanted]} ball?"


# ---------------------------------------------------------------- handshakes: 8个同学每两人握一次手

_HANDS = re.compile(
    r"^(?P<n>\d+)\s*(?:个|位|名)\s*(?:同学|人|朋友|小朋友|学生|老师|队员)?\s*(?:聚会|见面|开会|参加聚会|在1起)?\s*,?\s*"
    r"(?:每\s*2\s*(?:个)?(?:人|位|名|个同学|同学)(?:之间)?\s*(?:都)?\s*(?:要|握)?\s*(?:握)?\s*1\s*次手|"
    r"(?:每个人|每人)?(?:都)?(?:要)?(?:和|与|跟)(?:其他|其余|别的)(?:每)?(?:个)?(?:人|同学)?(?:都)?(?:各)?握\s*1\s*次手)"
    r"\s*,?\s*(?:一共|总共|共|1共)?\s*(?:要|需要)?\s*握(?:了)?\s*多少次(?:手)?" + _END)
_GAMES = re.compile(
    r"^(?:[^\d,]{0,12}?(?:有|共有)?)?(?P<n>\d+)\s*(?:个|支)\s*(?:班|队|球队|班级|小组|同学|人|选手)\s*(?:参加|参赛|进行)?(?:比赛)?\s*,?\s*"
    r"(?:比赛采用单循环(?:赛)?(?:制)?\s*,?\s*)?"
    r"(?:每\s*2\s*(?:个)?(?:班|队|支队|个队|人|名)(?:之间)?\s*(?:都)?\s*(?:要)?\s*(?:比赛|赛|比|打|进行)\s*1\s*(?:场|局|盘)(?:比赛)?)"
    r"\s*,?\s*(?:一共|总共|共|1共)?\s*(?:要|需要)?\s*(?:比赛|赛|比|打|进行)?(?:了)?\s*多少\s*(?:场|局|盘)(?:比赛)?" + _END)
"""A round robin, one game for each pair: the handshake count, n(n - 1)/2."""


def _handshakes(raw: str, text: str) -> str | None:
    """'8个同学聚会，每两个人都要握一次手，一共要握多少次手' -> '8 people each shake hands with each other once. how
    many handshakes?'"""
    m = _HANDS.match(text) or _GAMES.match(text)
    if m is None:
        return None
    return f"{m.group('n')} people each shake hands with each other once. how many handshakes?"


# ---------------------------------------------------------------- numbers from digit cards: 能组成多少个两位数

_DIGIT_CARDS = re.compile(
    r"^(?:用|从)\s*(?P<digits>\d(?:\s*[,、和与]\s*\d)+)\s*(?:这)?\s*(?:[\d二两三四五六七八九十]\s*(?:个|张))?\s*(?:数字|数)?\s*(?:卡片|卡)?\s*"
    r"(?:中)?\s*(?:(?:任选|选)\s*\d\s*(?:个|张))?\s*,?\s*(?P<once1>每(?:个|张)(?:数字|卡片)?(?:都)?只能用\s*1\s*次\s*,?\s*)?"
    r"(?:能|可以|一共能|一共可以|共能|共可以)?\s*(?:组成|摆出|组成|写出|排成|组)\s*(?:多少|几)\s*个\s*(?:不同的)?\s*"
    r"(?P<once2>没有重复数字的|不重复的|数字不重复的)?\s*(?P<n>\d)\s*位数\s*"
    r"(?:\??\s*\(?\s*(?P<once3>每(?:个|张)(?:数字|卡片)?(?:都)?只能用\s*1\s*次)\s*\)?)?" + _END)


def _digit_numbers(raw: str, text: str) -> str | None:
    """'用0、1、2、3这四个数字，能组成多少个没有重复数字的两位数' -> 'how many 2-digit numbers can be made from the
    digits 0, 1, 2, 3 without repeating a digit'. Cards are used once each; plain digits only when the question
    says no digit repeats."""
    m = _DIGIT_CARDS.match(text)
    if m is None:
        return None
    once = m.group("once1") or m.group("once2") or m.group("once3") or "卡" in m.group(0)
    if not once:
        return None
    digits = ", ".join(re.findall(r"\d", m.group("digits")))
    return f"how many {m.group('n')}-digit numbers can be made from the digits {digits} without repeating a digit"


# ---------------------------------------------------------------- 植树问题: trees every 8 m along a 120 m road

_COUNTED = {"一": r"条|个|边|端|旁|侧|头|棵|盏|根|面|盆|株|块|圈|周|项|件|批|段|本",
            "两": r"头|端|边|旁|侧|队|人|管|车|组|台|个", "三": r"轮车"}


def _counting_words(text: str) -> str:
    """The counting words to_ascii_math wrote as digits, as words again ("1条路", "2端", "1棵", "2队", "3轮车"): they are
    no numbers of the story, which must each have their place."""
    for word, after in _COUNTED.items():
        digit = {"一": "1", "两": "2", "三": "3"}[word]
        text = re.sub(rf"(?<![\d.]){digit}(?=\s*(?:{after}))", word, text)
    return text


_ZH_LEN = {"米": "m", "千米": "km", "公里": "km", "厘米": "cm"}
_PLANT_VERB = r"(?:种|栽|植|安装|装|安|放|插|立|摆|挂)"
_ITEM = r"(?:棵|盏|根|面|个|盆|株|块)"


def _planting(raw: str, text: str) -> str | None:
    """'一条小路长120米，在路的一边每隔8米种一棵树，两头都不种，一共要种几棵' -> 'trees every 8 m along one side of a
    120 m road, with no trees at either end. how many trees?'. Which ends are planted must be said (两端都种,
    两头都不种, 只种一端) or the line must close (环形, 一周); every number must be the length, the spacing or the one
    tree of 每隔…种一棵."""
    text = _counting_words(text)
    spacing = re.search(r"每隔\s*" + _NUM + r"\s*(千米|公里|厘米|米)\s*" + _PLANT_VERB + r"?(?:上)?\s*一\s*" + _ITEM, text)
    ask = re.search(r"(?:一共|共|总共|需要|要|能|可以)?\s*(?:" + _PLANT_VERB + r")?\s*(?:多少|几)\s*" + _ITEM, text)
    if spacing is None or ask is None:
        return None
    lengths = [m for m in re.finditer(r"(?:长|全长|长度是|长度为|周长)\s*(?:是|为|有)?\s*" + _NUM + r"\s*(千米|公里|厘米|米)"
                                      r"|" + _NUM + r"\s*(千米|公里|厘米|米)\s*长", text)]
    if len(lengths) != 1:
        return None
    m = lengths[0]
    length, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    if sorted(numbers) != sorted([length, spacing.group(1)]):
        return None  # a number with no place here (a second road, a price): not this kind alone
    ends = [kind for kind, rule in (
        ("including both ends", r"(?:两端|两头|首尾)都(?:要)?" + _PLANT_VERB + r"(?!不)"),
        ("with no trees at either end", r"(?:两端|两头|首尾)都?不(?:要)?" + _PLANT_VERB + r"?"),
        ("at one end only", r"(?:只|只在)(?:" + _PLANT_VERB + r")?一端|一端" + _PLANT_VERB + r"\s*,?\s*(?:另)?一端不"),
        ("loop", r"环形|圆形|一周|一圈|周长|围成"),
    ) if re.search(rule, text)]
    if len(ends) != 1:
        return None
    sides = "both sides" if re.search(r"两边|两旁|两侧", text) else "one side"
    gap, whole = f"{spacing.group(1)} {_ZH_LEN[spacing.group(2)]}", f"{length} {_ZH_LEN[unit]}"
    if ends[0] == "loop":
        if sides == "both sides":
            return None
        return f"trees every {gap} around a circular track {whole} long. how many trees?"
    return f"trees every {gap} along {sides} of a {whole} road, {ends[0]}. how many trees?"


# ---------------------------------------------------------------- 鸡兔同笼: two kinds, heads and legs (or wheels)

_KINDS = {"鸡": "chickens", "兔子": "rabbits", "兔": "rabbits", "鸭子": "ducks", "鸭": "ducks", "鹅": "geese",
          "羊": "sheep", "牛": "cows", "猪": "pigs", "狗": "dogs", "猫": "cats", "乌龟": "tortoises", "龟": "tortoises",
          "鹤": "cranes", "自行车": "bicycles", "三轮车": "tricycles", "小汽车": "cars", "汽车": "cars", "轿车": "cars",
          "摩托车": "motorcycles"}
_KIND = "(" + "|".join(sorted(_KINDS, key=len, reverse=True)) + ")"
_FEET = r"(?:脚|腿|轮子|轮胎)"


def _heads_and_legs(raw: str, text: str) -> str | None:
    """'停车场里自行车和三轮车一共15辆，轮子一共有38个，三轮车有几辆' -> 'there are bicycles and tricycles, 15 in all
    with 38 wheels. how many tricycles?'. One kind is asked (各有几只 asks for both: left to the programs)."""
    if re.search(r"各|分别", text):
        return None
    text = _counting_words(text)
    kinds = list(dict.fromkeys(_KINDS[k] for k in re.findall(_KIND, text)))
    feet = (re.search(_FEET + r"\s*(?:一共|共|总共|合计)?\s*(?:有)?\s*(\d+)\s*(?:只|条|个)", text)
            or re.search(r"(\d+)\s*(?:只|条|个)\s*" + _FEET, text))
    asked = (re.search(_KIND + r"\s*(?:有|是|一共有)?\s*(?:多少|几)\s*(?:只|辆|头)", text)
             or re.search(r"(?:多少|几)\s*(?:只|辆|头)\s*" + _KIND, text))
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    if len(kinds) != 2 or feet is None or asked is None or len(numbers) != 2:
        return None
    heads = next(n for n in numbers if n != feet.group(1)) if numbers.count(feet.group(1)) == 1 else None
    if heads is None or not re.search(rf"(?<![\d.]){heads}\s*(?:只|辆|个头|个|头)", text):
        return None
    target = _KINDS[asked.group(1)]
    if "轮" in feet.group(0):
        return f"there are {kinds[0]} and {kinds[1]}, {heads} in all with {feet.group(1)} wheels. how many {target}?"
    return f"there are {kinds[0]} and {kinds[1]}: {heads} heads and {feet.group(1)} legs. how many {target}?"


# ---------------------------------------------------------------- 工程问题: a job done alone in a and b days

_SPAN_ZH = {"天": "days", "小时": "hours", "分钟": "minutes"}
_ALONE_SPAN = r"[^,;.?!\d]{0,10}?(\d+(?:\.\d+)?)\s*(天|小时|分钟)"
_JOINTLY = r"合作|合做|合修|合干|合开|一起做|一起干|同时做|同时开|同时干|共同|两队一起|两人一起"


def _work(raw: str, text: str) -> str | None:
    """'一项工程，甲队单独做要10天完成，乙队单独做要15天完成，两队合作需要几天完成' -> 'A can do a job in 10 days and B
    can do it in 15 days. how many days will it take them working together?'; with '甲队先单独做了5天，剩下的由两队合
    作，还要几天' the time that is left. A worker who leaves, a share of the job, a rate change or any other number
    leaves the question to the programs."""
    if re.search(r"调走|离开|休息|停工|请假|效率|提高|降低|%|倍|分之|/|各|分别|单独做完|单独完成剩下|剩下的由(?:甲|乙)", text):
        return None
    text = _counting_words(text)
    a = re.search(r"甲" + _ALONE_SPAN, text)
    b = re.search(r"乙" + _ALONE_SPAN, text)
    if a is None or b is None or a.group(2) != b.group(2) or a.start() > b.start():
        return None
    unit = _SPAN_ZH[a.group(2)]
    first = re.search(r"(甲|乙)[^,;.?!\d]{0,6}?先[^,;.?!\d]{0,6}?(\d+(?:\.\d+)?)\s*(天|小时|分钟)", text)
    ask_more = re.search(r"还(?:需要|要|得)?\s*(?:几|多少)\s*(?:天|小时|分钟)", text)
    jointly = re.search(_JOINTLY, text)
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    if jointly is None or not re.search(r"(?:几|多少)\s*(?:天|小时|分钟)", text):
        return None
    if first is None:
        if ask_more or re.search(r"先|剩下|余下", text) or len(numbers) != 2:
            return None
        return f"A can do a job in {a.group(1)} {unit} and B can do it in {b.group(1)} {unit}. how many {unit} will it " \
               "take them working together?"
    if (ask_more is None or first.group(3) != a.group(2) or len(numbers) != 3 or first.start() < b.end()
            or not re.search(r"剩下|余下|然后|再", text[first.end():])):
        return None
    spans = (a.group(1), b.group(1)) if first.group(1) == "甲" else (b.group(1), a.group(1))
    return (f"A can do a job in {spans[0]} {unit} and B can do it in {spans[1]} {unit}. A works alone for "
            f"{first.group(2)} {unit} first, then they work together. how many more {unit}?")
