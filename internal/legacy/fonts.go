package legacy

import "strings"

// FontEncoding tells the legacy encoding of a font name as Word stores it
// in w:rFonts: ".VnTime", ".VnTimeH", "VNI-Times", "VNI Times", "VISCII…". upper reports a TCVN3 capitals font (its name
// ends in H: .VnTimeH, .VnArialH), whose lowercase code points show
// capitals. ok is false for a Unicode font (Times New Roman, Arial…).
func FontEncoding(font string) (enc Encoding, upper bool, ok bool) {
	name := strings.TrimSpace(font)
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, ".vn"):
		// .VnTime, .VnTimeH, .VnArial NarrowH, .VnCentury SchoolbookH
		base := strings.TrimRight(name, " ")
		for _, suffix := range []string{" Bold", " Italic"} {
			base = strings.TrimSuffix(base, suffix)
		}
		return TCVN3, strings.HasSuffix(base, "H"), true
	case strings.HasPrefix(lower, "vni-"), strings.HasPrefix(lower, "vni "), strings.HasPrefix(lower, "vni_"):
		return VNI, false, true
	case strings.HasPrefix(lower, "viscii"):
		return VISCII, false, true
	}
	return Unicode, false, false
}
