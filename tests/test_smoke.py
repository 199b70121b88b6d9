from gov_news_extract import Document, parse


def test_parse_returns_document() -> None:
    doc = parse("今年上半年,热线共接到群众来电383257次。")
    assert isinstance(doc, Document)
    assert doc.articles
    assert doc.articles[0].span.end == len("今年上半年,热线共接到群众来电383257次。")
