"""Numbers: find mentions in text (find) and parse their values (parse)."""
from .model import Mention
from .parse import ParsedNumber, parse_number, parse_chinese_integer, format_decimal
from .find import find_mentions

__all__ = ["Mention", "ParsedNumber", "parse_number", "parse_chinese_integer", "format_decimal", "find_mentions"]
