package legacy

// The byte tables of the legacy encodings, written out letter by letter so
// a reader can check them against a code chart. Bytes below 0x80 are ASCII
// in every encoding here except where a table says otherwise.

// tcvn3High maps the bytes 0x80–0xFF of TCVN 5712:1993. The ABC fonts
// (.VnTime…, the VN3 subset) use the lowercase letters and ĂÂÊÔƠƯĐ; the
// uppercase toned letters (VN1) are decoded too, since converters write
// them (Unikey's "TCVN3" output, the "žy ban" of a pasted "Ủy ban").
var tcvn3High = [128]rune{
	// 0x80
	'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ',
	// 0x90
	'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ',
	// 0xA0
	'\u00a0', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
	// 0xB0: five combining tone marks, then the a row
	'\u0300', '\u0309', '\u0303', '\u0301', '\u0323', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
	// 0xC0
	'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
	// 0xD0
	'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
	// 0xE0
	'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
	// 0xF0
	'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
}

// tcvn3Low maps the control bytes that TCVN 5712 (VN1) gives to the
// uppercase toned U and Y; the other control bytes keep their meaning.
var tcvn3Low = map[byte]rune{
	0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ',
	0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ',
}

// visciiHigh maps the bytes 0x80–0xFF of VISCII 1.1 (RFC 1456). Where
// Latin-1 has a Vietnamese letter VISCII keeps it at the same byte.
var visciiHigh = [128]rune{
	// 0x80
	'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố',
	// 0x90
	'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ',
	// 0xA0
	'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố',
	// 0xB0
	'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư',
	// 0xC0
	'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ',
	// 0xD0
	'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ', 'ư',
	// 0xE0
	'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ',
	// 0xF0
	'đ', 'ự', 'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
}

// visciiLow maps the six control bytes VISCII spends on letters.
var visciiLow = map[byte]rune{
	0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1e: 'Ỵ',
}

// VNI (VNI-Windows, the VNI-Times… fonts) writes a letter as its base and
// one trailing byte for the hat, horn or breve and the tone together; ơ ư
// đ and the toned i and ỵ are single bytes. vniByte gives what each byte
// adds, as combining marks, so decoding is a lookup followed by NFC.
// The lowercase and uppercase forms differ only in the glyph's height.
var vniByte = map[byte]string{
	// tones alone: sắc, huyền, hỏi, ngã, nặng
	0xf9: "\u0301", 0xf8: "\u0300", 0xfb: "\u0309", 0xf5: "\u0303", 0xef: "\u0323",
	0xd9: "\u0301", 0xd8: "\u0300", 0xdb: "\u0309", 0xd5: "\u0303", 0xcf: "\u0323",
	// circumflex, then with each tone
	0xe2: "\u0302", 0xe1: "\u0302\u0301", 0xe0: "\u0302\u0300", 0xe5: "\u0302\u0309", 0xe3: "\u0302\u0303", 0xe4: "\u0302\u0323",
	0xc2: "\u0302", 0xc1: "\u0302\u0301", 0xc0: "\u0302\u0300", 0xc5: "\u0302\u0309", 0xc3: "\u0302\u0303", 0xc4: "\u0302\u0323",
	// breve, then with each tone
	0xea: "\u0306", 0xe9: "\u0306\u0301", 0xe8: "\u0306\u0300", 0xfa: "\u0306\u0309", 0xfc: "\u0306\u0303", 0xeb: "\u0306\u0323",
	0xca: "\u0306", 0xc9: "\u0306\u0301", 0xc8: "\u0306\u0300", 0xda: "\u0306\u0309", 0xdc: "\u0306\u0303", 0xcb: "\u0306\u0323",
	// letters of one byte
	0xf4: "ơ", 0xf6: "ư", 0xf1: "đ", 0xed: "í", 0xec: "ì", 0xe6: "ỉ", 0xf3: "ĩ", 0xf2: "ị", 0xee: "ỵ",
	0xd4: "Ơ", 0xd6: "Ư", 0xd1: "Đ", 0xcd: "Í", 0xcc: "Ì", 0xc6: "Ỉ", 0xd3: "Ĩ", 0xd2: "Ị", 0xce: "Ỵ",
}

// cp1252Specials are the printable characters of Windows-1252 at
// 0x80–0x9F. The five bytes it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
// read as the C1 control of the same number, as Windows converts them.
var cp1252Specials = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}
