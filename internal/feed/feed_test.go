package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var (
	// The same instant as 08:30 in Hà Nội: output must not depend on the
	// zone a time arrives in.
	jan16 = time.Date(2026, 1, 16, 1, 30, 0, 0, time.UTC)
	jan20 = time.Date(2026, 1, 20, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
)

func sampleChannel() Channel {
	return Channel{
		Title:       "Cải cách hành chính – UBND xã Diễn Châu",
		Link:        "https://dienchau.example/cchc/",
		Description: "Tin tức & <văn bản> về CCHC",
		SelfURL:     "https://dienchau.example/cchc/rss.xml",
		Updated:     jan20,
		Items: []Item{
			{
				Title:       "Chuyển đổi số: bước tiến mới",
				Link:        "https://dienchau.example/cchc/bai-viet/chuyen-doi-so/",
				Description: "Xã triển khai <b>dịch vụ công</b> trực tuyến & thanh toán số",
				Date:        jan20,
				Categories:  []string{"Chuyển đổi số", "Dịch vụ công trực tuyến"},
				Author:      "Phòng Văn hóa – Xã hội",
			},
			{
				Title: "Kế hoạch 35/KH-UBND",
				Link:  "https://dienchau.example/cchc/van-ban/35-kh-ubnd/",
				GUID:  "tag:dienchau.example,2026:35-KH-UBND",
				Date:  jan16,
			},
		},
	}
}

const wantRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Cải cách hành chính – UBND xã Diễn Châu</title>
    <link>https://dienchau.example/cchc/</link>
    <description>Tin tức &amp; &lt;văn bản&gt; về CCHC</description>
    <language>vi</language>
    <lastBuildDate>Tue, 20 Jan 2026 09:00:00 +0700</lastBuildDate>
    <atom:link href="https://dienchau.example/cchc/rss.xml" rel="self" type="application/rss+xml"></atom:link>
    <item>
      <title>Chuyển đổi số: bước tiến mới</title>
      <link>https://dienchau.example/cchc/bai-viet/chuyen-doi-so/</link>
      <guid isPermaLink="true">https://dienchau.example/cchc/bai-viet/chuyen-doi-so/</guid>
      <description>Xã triển khai &lt;b&gt;dịch vụ công&lt;/b&gt; trực tuyến &amp; thanh toán số</description>
      <pubDate>Tue, 20 Jan 2026 09:00:00 +0700</pubDate>
      <category>Chuyển đổi số</category>
      <category>Dịch vụ công trực tuyến</category>
      <dc:creator>Phòng Văn hóa – Xã hội</dc:creator>
    </item>
    <item>
      <title>Kế hoạch 35/KH-UBND</title>
      <link>https://dienchau.example/cchc/van-ban/35-kh-ubnd/</link>
      <guid isPermaLink="false">tag:dienchau.example,2026:35-KH-UBND</guid>
      <pubDate>Fri, 16 Jan 2026 08:30:00 +0700</pubDate>
    </item>
  </channel>
</rss>
`

func TestRSS(t *testing.T) {
	got := string(RSS(sampleChannel()))
	if got != wantRSS {
		t.Errorf("RSS:\n%s\nwant:\n%s", got, wantRSS)
	}
}

const wantEmptyRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Chủ đề trống</title>
    <link>https://x.example/chu-de/trong/</link>
    <description></description>
    <language>en</language>
  </channel>
</rss>
`

// No self link, no date and no items leave their elements out; a language
// other than vi is kept.
func TestRSSEmptyChannel(t *testing.T) {
	got := string(RSS(Channel{Title: "Chủ đề trống", Link: "https://x.example/chu-de/trong/", Language: "en"}))
	if got != wantEmptyRSS {
		t.Errorf("RSS:\n%s\nwant:\n%s", got, wantEmptyRSS)
	}
}

func TestRSSGUID(t *testing.T) {
	tests := []struct {
		item Item
		want string // the <guid> line, or "" for none
	}{
		{Item{Link: "https://x/a/"}, `<guid isPermaLink="true">https://x/a/</guid>`},
		{Item{Link: "https://x/a/", GUID: "https://x/a/"}, `<guid isPermaLink="true">https://x/a/</guid>`},
		{Item{Link: "https://x/a/", GUID: "urn:x:1"}, `<guid isPermaLink="false">urn:x:1</guid>`},
		{Item{GUID: "urn:x:1"}, `<guid isPermaLink="false">urn:x:1</guid>`},
		{Item{Title: "không có địa chỉ"}, ""},
	}
	for _, tt := range tests {
		out := string(RSS(Channel{Items: []Item{tt.item}}))
		got := ""
		for line := range strings.Lines(out) {
			if strings.Contains(line, "<guid") {
				got = strings.TrimSpace(line)
			}
		}
		if got != tt.want {
			t.Errorf("%+v: guid %q, want %q", tt.item, got, tt.want)
		}
	}
}

type parsedRSS struct {
	XMLName xml.Name `xml:"rss"`
	Channel struct {
		Title         string `xml:"title"`
		Description   string `xml:"description"`
		LastBuildDate string `xml:"lastBuildDate"`
		Self          struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Items []struct {
			Title       string   `xml:"title"`
			Description string   `xml:"description"`
			PubDate     string   `xml:"pubDate"`
			Categories  []string `xml:"category"`
			Creator     string   `xml:"http://purl.org/dc/elements/1.1/ creator"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestRSSParsesBack(t *testing.T) {
	ch := sampleChannel()
	var doc parsedRSS
	if err := xml.Unmarshal(RSS(ch), &doc); err != nil {
		t.Fatal(err)
	}
	c := doc.Channel
	if c.Title != ch.Title || c.Description != ch.Description {
		t.Errorf("channel text changed: %q, %q", c.Title, c.Description)
	}
	if c.Self.Href != ch.SelfURL || c.Self.Rel != "self" {
		t.Errorf("atom:link = %+v", c.Self)
	}
	if len(c.Items) != 2 {
		t.Fatalf("%d items, want 2", len(c.Items))
	}
	it := c.Items[0]
	if it.Title != ch.Items[0].Title || it.Description != ch.Items[0].Description || it.Creator != ch.Items[0].Author {
		t.Errorf("item text changed: %+v", it)
	}
	if len(it.Categories) != 2 || it.Categories[1] != "Dịch vụ công trực tuyến" {
		t.Errorf("categories = %q", it.Categories)
	}
	for _, date := range []string{c.LastBuildDate, it.PubDate, c.Items[1].PubDate} {
		parsed, err := time.Parse(time.RFC1123Z, date)
		if err != nil {
			t.Errorf("date %q: %v", date, err)
		} else if _, off := parsed.Zone(); off != 7*3600 {
			t.Errorf("date %q not in +0700", date)
		}
	}
}

// Text pasted from Word can hold control characters that XML 1.0 forbids;
// they must not make the feed invalid.
func TestRSSReplacesCharactersXMLForbids(t *testing.T) {
	out := RSS(Channel{Title: "Tiêu\x00đề\x0bmới\x1f", Items: []Item{{Title: "a\x08b", Link: "https://x/a/"}}})
	if bytes.ContainsAny(out, "\x00\x0b\x1f\x08") {
		t.Errorf("forbidden character written: %q", out)
	}
	var doc parsedRSS
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("does not parse: %v\n%s", err, out)
	}
	if doc.Channel.Title != "Tiêu\uFFFDđề\uFFFDmới\uFFFD" {
		t.Errorf("title = %q", doc.Channel.Title)
	}
}

func TestRSSIsReproducible(t *testing.T) {
	if a, b := RSS(sampleChannel()), RSS(sampleChannel()); !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
}

const wantSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://dienchau.example/cchc/</loc>
    <lastmod>2026-01-20T09:00:00+07:00</lastmod>
  </url>
  <url>
    <loc>https://dienchau.example/cchc/bai-viet/chuyen-doi-so/</loc>
    <lastmod>2026-01-16T08:30:00+07:00</lastmod>
  </url>
  <url>
    <loc>https://dienchau.example/cchc/tim-kiem/?q=m%E1%BB%99t+c%E1%BB%ADa&amp;trang=2</loc>
  </url>
</urlset>
`

func TestSitemap(t *testing.T) {
	got := string(Sitemap([]URL{
		{Loc: "https://dienchau.example/cchc/", LastMod: jan20},
		{Loc: "https://dienchau.example/cchc/bai-viet/chuyen-doi-so/", LastMod: jan16},
		{Loc: "https://dienchau.example/cchc/tim-kiem/?q=m%E1%BB%99t+c%E1%BB%ADa&trang=2"},
	}))
	if got != wantSitemap {
		t.Errorf("Sitemap:\n%s\nwant:\n%s", got, wantSitemap)
	}
}

func TestSitemapEmpty(t *testing.T) {
	const want = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>
`
	if got := string(Sitemap(nil)); got != want {
		t.Errorf("Sitemap(nil):\n%s\nwant:\n%s", got, want)
	}
}

func TestSitemapParsesBack(t *testing.T) {
	urls := []URL{
		{Loc: "https://x.example/cchc/chu-de/mot-cua/?a=1&b=<2>", LastMod: jan16},
		{Loc: "https://x.example/cchc/chủ-đề/"},
	}
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(Sitemap(urls), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != 2 || set.URLs[0].Loc != urls[0].Loc || set.URLs[1].Loc != urls[1].Loc {
		t.Fatalf("urls = %+v", set.URLs)
	}
	if lm, err := time.Parse(time.RFC3339, set.URLs[0].LastMod); err != nil || !lm.Equal(jan16) {
		t.Errorf("lastmod %q: %v", set.URLs[0].LastMod, err)
	}
}

// FuzzRSS checks that whatever text editors write, the feed parses back
// and valid UTF-8 text without forbidden characters comes back unchanged.
func FuzzRSS(f *testing.F) {
	f.Add("Chuyển đổi số", "a & b < c > d \"e\" 'f'", "https://x/?a=1&b=2")
	f.Add("\x00\x0b", "]]>", "")
	f.Add("\xff\xfe", "\r\n\t", "javascript:alert(1)")
	f.Fuzz(func(t *testing.T, title, desc, link string) {
		out := RSS(Channel{Title: title, Link: link, Items: []Item{{Title: title, Description: desc, Link: link, Categories: []string{desc}}}})
		var doc parsedRSS
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("does not parse: %v\n%s", err, out)
		}
		if !utf8.Valid(out) {
			t.Fatalf("not UTF-8: %q", out)
		}
		if cleanText(title) && doc.Channel.Items[0].Title != title {
			t.Errorf("title %q came back as %q", title, doc.Channel.Items[0].Title)
		}
		if cleanText(desc) && doc.Channel.Items[0].Description != desc {
			t.Errorf("description %q came back as %q", desc, doc.Channel.Items[0].Description)
		}
	})
}

// cleanText reports text that XML can carry unchanged: valid UTF-8, only
// characters XML 1.0 allows, and no CR (a parser turns it into LF).
func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == '\r' || r == 0xFFFE || r == 0xFFFF || (0xD800 <= r && r <= 0xDFFF):
			return false
		}
	}
	return true
}
