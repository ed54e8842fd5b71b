"""The tutor's language-model layer: a small protocol, several backends, one shared model.

Most code needs only :func:`shared_model` (or ``TutorContext.llm``) and the
protocol types; the LangChain adapter is ``tutor.llm.langchain.TutorChatModel``
and the test fake is ``tutor.llm.fake.FakeChatModel``.
"""

from tutor.llm.base import ChatMessage, ChatModel, GenerationParams, as_messages, trim_history
from tutor.llm.factory import load_model
from tutor.llm.shared import is_loaded, shared_model

__all__ = [
    "ChatMessage",
    "ChatModel",
    "GenerationParams",
    "as_messages",
    "is_loaded",
    "load_model",
    "shared_model",
    "trim_history",
]
