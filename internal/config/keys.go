package config

// The keys of site.yaml, in the order the documentation lists them. They
// are functions rather than package variables so that nothing can change
// them at run time.

func topKeys() []string {
	return []string{"title", "organization", "province", "description", "base_url", "page_size", "contact", "topics", "markdown", "plan_items", "report"}
}

// groupKeys lists the keys allowed inside a group key.
func groupKeys(group string) []string {
	switch group {
	case "contact":
		return []string{"address", "phone", "email", "website", "feedback", "hours"}
	case "topics":
		return []string{"name", "slug", "aliases", "description"}
	case "markdown":
		return []string{"unsafe"}
	case "plan_items":
		return []string{"id", "name", "topics"}
	case "report":
		return []string{"public", "targets"}
	case "targets":
		return []string{"unit", "articles_per_month", "articles_per_quarter", "articles_per_year"}
	}
	return nil
}

// example is the hint shown when a key's value has the wrong form.
func example(key string) string {
	switch key {
	case "title":
		return `ví dụ: title: "Chuyên mục Cải cách hành chính"`
	case "organization":
		return `ví dụ: organization: "UBND xã Diễn Châu"`
	case "province":
		return `ví dụ: province: "Nghệ An"`
	case "description":
		return `ví dụ: description: "Thông tin, tuyên truyền về cải cách hành chính"`
	case "base_url":
		return `ví dụ: base_url: "https://dienchau.example/cchc/"`
	case "page_size":
		return "ví dụ: page_size: 12"
	case "contact":
		return "viết các khóa address, phone, email, website, feedback, hours thụt lề dưới dòng `contact:`"
	case "address":
		return `ví dụ: address: "Xóm 1, xã Diễn Châu, tỉnh Nghệ An"`
	case "phone":
		return `ví dụ: phone: "0238 3862 123"`
	case "email":
		return `ví dụ: email: "vanphong@dienchau.example"`
	case "website":
		return `ví dụ: website: "https://dienchau.example/"`
	case "feedback":
		return `ví dụ: feedback: "` + DefaultFeedback + `"`
	case "hours":
		return `ví dụ: hours: "Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu"`
	case "topics":
		return "mỗi chủ đề là một mục `- name: \"Tên chủ đề\"` thụt lề dưới dòng `topics:`"
	case "name":
		return `ví dụ: name: "Chuyển đổi số"`
	case "slug":
		return "ví dụ: slug: chuyen-doi-so"
	case "aliases":
		return `ví dụ: aliases: ["chính quyền số", "chính quyền điện tử"]`
	case "markdown":
		return "viết `unsafe: true` hoặc `unsafe: false` thụt lề dưới dòng `markdown:`"
	case "unsafe":
		return "ví dụ: unsafe: false"
	case "plan_items":
		return "mỗi mục là một nhóm `- id: \"1.5\"`, `name: \"…\"`, `topics: [\"Một cửa, một cửa liên thông\"]` thụt lề dưới dòng `plan_items:`"
	case "id":
		return `ví dụ: id: "1.5"`
	case "report":
		return "viết các khóa public, targets thụt lề dưới dòng `report:`"
	case "public":
		return "ví dụ: public: true"
	case "targets":
		return "mỗi chỉ tiêu là một nhóm `- unit: \"Phòng Văn hóa – Xã hội\"` và `articles_per_quarter: 3` thụt lề dưới dòng `targets:`"
	case "unit":
		return `ví dụ: unit: "Phòng Văn hóa – Xã hội"`
	case "articles_per_month", "articles_per_quarter", "articles_per_year":
		return "ví dụ: " + key + ": 3"
	}
	return ""
}
