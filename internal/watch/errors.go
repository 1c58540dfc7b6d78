package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Error is a problem met while watching, worded for the editor who runs
// the preview. It wraps the system's error, so errors.Is(err,
// syscall.ENOSPC) tells that the watch limit was reached.
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

// overflowError says that the kernel's event queue overflowed and events
// were lost.
func overflowError(err error) error {
	return &Error{err: err, msg: "có quá nhiều thay đổi cùng lúc nên hệ điều hành đã bỏ sót một số; cchc sẽ dựng lại toàn bộ trang"}
}

// watchError words a failure to watch dir. ENOSPC is inotify's watch limit
// (one watch per folder, shared by every program of the user), not a full disk.
func watchError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return &Error{err: err, msg: fmt.Sprintf(
			"không theo dõi được thư mục %s: đã hết số thư mục hệ điều hành cho phép theo dõi (giới hạn inotify) — "+
				"hãy tăng giới hạn fs.inotify.max_user_watches (ví dụ: sudo sysctl fs.inotify.max_user_watches=524288) "+
				"hoặc chạy lại với --poll", dir)}
	case errors.Is(err, fs.ErrPermission):
		return &Error{err: err, msg: fmt.Sprintf(
			"không theo dõi được thư mục %s: không có quyền đọc — hãy cấp quyền đọc thư mục này cho tài khoản đang chạy cchc", dir)}
	case errors.Is(err, fs.ErrNotExist):
		return err // a folder removed while being walked: not a problem
	}
	return &Error{err: err, msg: fmt.Sprintf(
		"không theo dõi được thư mục %s: %v — hãy chạy lại với --poll", dir, err)}
}

// startError words a failure to start fsnotify. EMFILE is inotify's limit
// on watchers per user.
func startError(err error) error {
	if errors.Is(err, syscall.EMFILE) {
		return &Error{err: err, msg: "không bắt đầu theo dõi thay đổi được: đã hết số bộ theo dõi hệ điều hành cho phép (giới hạn inotify) — " +
			"hãy tăng giới hạn fs.inotify.max_user_instances (ví dụ: sudo sysctl fs.inotify.max_user_instances=512) " +
			"hoặc chạy lại với --poll"}
	}
	return &Error{err: err, msg: fmt.Sprintf("không bắt đầu theo dõi thay đổi được: %v — hãy chạy lại với --poll", err)}
}
