@echo off
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title Xem thử chuyên mục Cải cách hành chính
rem Nhấp đúp tệp này để xem thử chuyên mục trong trình duyệt. Cửa sổ đen
rem phải để mở trong lúc xem; đóng cửa sổ (hoặc nhấn Ctrl+C) để dừng.
if not exist "%~dp0cchc.exe" goto nocchc
if not exist "%~dp0content\" goto nosite
"%~dp0cchc.exe" serve --open
if errorlevel 1 goto failed
exit /b 0

:nocchc
echo Không tìm thấy tệp cchc.exe trong thư mục này:
echo   %~dp0
echo Tải bản cchc cho Windows tại https://github.com/[[.Repo]]/releases
echo rồi chép tệp cchc.exe vào thư mục trên, cạnh tệp này.
echo.
pause
exit /b 1

:nosite
echo Thư mục này chưa có trang của xã: không có thư mục content.
echo - Tạo trang mới: nhấp đúp tệp "Tạo trang mới.cmd".
echo - Đã có trang: chép cchc.exe và tệp này vào thư mục trang của xã,
echo   nơi có thư mục content và tệp site.yaml, rồi nhấp đúp ở đó.
echo.
pause
exit /b 1

:failed
echo.
echo Trang xem thử đã dừng vì lỗi ghi ở trên. Đọc thông báo, sửa,
echo rồi nhấp đúp lại tệp "Xem thử.cmd".
echo.
pause
exit /b 1
