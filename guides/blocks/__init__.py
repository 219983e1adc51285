"""Guide blocks. ``CONTENT_BLOCKS`` lists every content block type, for tests and docs."""

from .audience import AudienceConditionBlock, ConditionRuleBlock
from .content import (
    ActorsBlock,
    CalloutBlock,
    ChecklistBlock,
    ChecklistItemBlock,
    RichTextBlock,
    SectionContentBlock,
    SelfServiceLinkBlock,
    TimingBlock,
)
from .questions import AnswerBlock, QuestionBlock
from .section import SectionBlock

CONTENT_BLOCKS = dict(SectionContentBlock.base_blocks)

__all__ = [
    "CONTENT_BLOCKS",
    "ActorsBlock",
    "AnswerBlock",
    "AudienceConditionBlock",
    "CalloutBlock",
    "ChecklistBlock",
    "ChecklistItemBlock",
    "ConditionRuleBlock",
    "QuestionBlock",
    "RichTextBlock",
    "SectionBlock",
    "SectionContentBlock",
    "SelfServiceLinkBlock",
    "TimingBlock",
]
