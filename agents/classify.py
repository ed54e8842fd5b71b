"""Classify a student message: rules first, the model only for what rules cannot tell.

Safety-relevant decisions (unsafe content, prompt injection, answer attempts)
are made by code so a small model cannot be talked out of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tutor.learner.grading import ANSWER_LEAD

UNSAFE = re.compile(
    r"\b(kill|suicide|self[- ]?harm|hurt (myself|me|someone|him|her|them)|weapons?|guns?|bombs?|drugs?|"
    r"alcohol|vape|porn\w*|nudes?|naked|sexy?|home address|phone number|passwords?|credit card)\b",
    re.I,
)
INJECTION = re.compile(
    r"(ignore (all |any |your |the |my |previous |prior |earlier |these )*(instructions|rules|prompts?|guidelines)"
    r"|system prompt|you are now|developer mode|jailbreak|pretend (you are|to be|you're)|act as (an?|my)"
    r"|disregard (the|your|all)|override|new instructions|the teacher (said|says) you (can|may|should))",
    re.I,
)
WANTS_ANSWER = re.compile(
    r"(what('?s| is) the (final )?(answer|solution)|give me the (final )?(answer|solution)|"
    r"tell me the (final )?(answer|solution)|just (tell|give)|reveal|show (me )?the (answer|solution))",
    re.I,
)
HINT = re.compile(
    r"\b(hints?|clues?|help( me)?|stuck|don'?t (know|get|understand)|dont (know|get|understand)|no idea|"
    r"how do i (start|begin|do (this|it))|where do i start|next step|confused)\b",
    re.I,
)
NEW_PROBLEM = re.compile(
    r"\b(new|another|next|different|harder|easier|give me an?|one more) (math )?(problem|question|exercise|one)\b",
    re.I,
)
QUESTION_START = re.compile(r"^\s*(why|what|how|which|where|when|who|does|do|is|are|can|could|should|would|will)\b", re.I)
MATH_WORDS = re.compile(
    r"\b(solve|calculate|compute|simplify|factor|expand|evaluate|equation|fraction|decimal|percent|area|perimeter|"
    r"volume|angle|triangle|square root|sqrt|derivative|integral|multiply|divide|divided|plus|minus|times|sum|"
    r"product|quotient|average|mean|ratio|prime|how many|how much|math|algebra|geometry)\b",
    re.I,
)
# Chinese: no \b (a Chinese character is a word character, so \b never falls between two of them)
UNSAFE_ZH = re.compile(r"自杀|自残|轻生|杀人|杀死|伤害(?:我|自己|别人|他|她)|武器|枪支|炸弹|毒品|喝酒|抽烟|电子烟|色情|裸照|"
                       r"家庭住址|家住哪|电话号码|手机号|密码|信用卡|银行卡")
INJECTION_ZH = re.compile(
    r"(?:忽略|无视|忘记|忘掉|不要管|别管)[^。！？\n]{0,8}(?:指令|指示|规则|提示词?|设定|要求|限制)|系统提示|"
    r"你现在是|开发者模式|越狱|假装(?:你是|成)|扮演|新的?指令|(?:老师|家长|妈妈|爸爸)(?:说|让|允许)你(?:可以|能)?")
WANTS_ANSWER_ZH = re.compile(
    r"(?:直接|快)?(?:告诉|给|发)我(?:最终)?(?:的)?(?:答案|结果|解答)|答案(?:是)?(?:什么|多少|几)|公布答案|看答案|"
    r"直接说(?:出)?答案|把答案")
HINT_ZH = re.compile(r"提示|不会做|不会|不懂|不明白|不知道|卡住|没思路|没有思路|怎么(?:做|算|开始|解|想)|从哪(?:里|儿)?开始|"
                     r"下一步|帮帮我|帮我|求助|看不懂")
NEW_PROBLEM_ZH = re.compile(r"(?:换|再来|再出|出|给我|来)(?:一|1|几)?(?:道|个)(?:新的?|别的|难一点的|简单一点的)?(?:题|练习)|"
                            r"下一(?:道|题)|新题|(?:更难|更简单|难一点|简单一点)的题")
QUESTION_ZH = re.compile(r"^\s*(?:为什么|为啥|什么|怎么|怎样|如何|哪|是不是|能不能|可不可以)|[吗呢][?？]?\s*$|[?？]\s*$")
MATH_WORDS_ZH = re.compile(
    r"计算|算|求|解|化简|因式分解|展开|方程|分数|小数|百分|面积|周长|体积|角|三角形|平方|立方|根号|导数|积分|"
    r"乘|除|加|减|和是|差是|积|商|平均|比例|质数|素数|倍数|因数|多少|几|数学|代数|几何|倍|[元角分米克升]")
CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿半]")
MATHY_ANSWER = re.compile(r"^[\s\w\.,/\*\+\-\^\(\)=√π%$:{}\\]+$")
HAS_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Classification:
    """The classifier's verdict. ``certain`` is False when only the model could decide."""

    intent: str
    injection: bool = False
    certain: bool = True


def looks_like_answer(text: str) -> bool:
    """A short expression or number (possibly after "I got"), or several lines of work with '='."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) >= 2 and sum(1 for ln in lines if "=" in ln) >= 2:
        return True
    body = ANSWER_LEAD.sub("", text.strip()).rstrip(" .!?。！？")
    if not body or len(body) > 60 or ("?" in text or "？" in text) and not ANSWER_LEAD.match(text):
        return False
    words = re.findall(r"[A-Za-z]{3,}", body)
    if len(words) > 2:
        return False
    return bool(MATHY_ANSWER.match(body)) and (bool(HAS_NUMBER.search(body)) or bool(re.fullmatch(r"[a-z]", body)))


def has_math(text: str) -> bool:
    return bool(HAS_NUMBER.search(text) or MATH_WORDS.search(text) or re.search(r"[=+*/^×÷＝＋－]", text)
                or MATH_WORDS_ZH.search(text) and CN_NUMBER.search(text))


def classify_rules(text: str, *, has_problem: bool) -> Classification | None:
    """Classify by rules; ``None`` when only a model could tell (no math, no clear pattern).

    English and Chinese are read alike: 忽略之前的指令 is an injection, 给我一道新题 a new problem."""
    injection = bool(INJECTION.search(text) or INJECTION_ZH.search(text))
    if UNSAFE.search(text) or UNSAFE_ZH.search(text):
        return Classification("unsafe", injection)
    if NEW_PROBLEM.search(text) or NEW_PROBLEM_ZH.search(text):
        return Classification("new_problem", injection)
    if has_problem and (injection or WANTS_ANSWER.search(text) or WANTS_ANSWER_ZH.search(text)):
        # Asking for the answer climbs the hint ladder; it never jumps it.
        return Classification("hint_request", injection)
    if injection:
        return Classification("off_topic", True)
    if has_problem and looks_like_answer(text):
        return Classification("answer_attempt")
    if (HINT.search(text) or HINT_ZH.search(text)) and (has_problem or not has_math(text)):
        return Classification("hint_request" if has_problem else "off_topic", injection)
    asks = text.strip().endswith("?") or QUESTION_START.match(text) or QUESTION_ZH.search(text)
    if has_problem and asks and not _standalone_problem(text):
        return Classification("problem_question")
    if has_math(text):
        return Classification("math_question")
    return None


def _standalone_problem(text: str) -> bool:
    """A new, self-contained math question (has its own numbers) rather than one about the current problem."""
    return len(re.findall(r"\d+", text)) >= 2 or bool(re.search(r"\d\s*[-+*/^x×÷]\s*\d", text))


CLASSIFY_PROMPT = (
    "You sort messages a school student sends to a math tutor. Reply with exactly one word:\n"
    "math - a question about mathematics\n"
    "problem - a question about the exercise they are working on\n"
    "offtopic - anything else\n"
)
MODEL_LABELS = {"math": "math_question", "problem": "problem_question", "offtopic": "off_topic", "off": "off_topic"}


def parse_model_label(reply: str, *, has_problem: bool) -> Classification:
    """Turn the model's one-word label into an intent; anything unexpected is off-topic."""
    word = re.sub(r"[^a-z]", " ", reply.lower()).split()
    intent = MODEL_LABELS.get(word[0], "off_topic") if word else "off_topic"
    if intent == "problem_question" and not has_problem:
        intent = "math_question"
    return Classification(intent, certain=False)
