@echo off
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title Tạo chuyên mục Cải cách hành chính cho một xã
rem Nhấp đúp tệp này để tạo trang của xã: chương trình hỏi tên xã, tỉnh và
rem thư mục đặt trang, rồi tạo trang mẫu ở đó.
if not exist "%~dp0cchc.exe" goto nocchc
"%~dp0cchc.exe" init --ask
echo.
pause
exit /b 0

:nocchc
echo Không tìm thấy tệp cchc.exe cạnh tệp này. Giải nén cả tệp zip đã tải
echo về vào một thư mục rồi nhấp đúp lại.
echo.
pause
exit /b 1
