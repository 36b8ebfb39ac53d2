#!/bin/sh
# 安装到当前用户（不需要管理员权限）：程序放到 ~/.local/bin，应用菜单中出现“年报编辑器”，
# 双击 *.nianbao.json 文件用本程序打开。卸载：sh install.sh --uninstall
# Installs for the current user: the program in ~/.local/bin, a menu entry and
# the *.nianbao.json file association. `--uninstall` removes them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin/nianbao" "$data/applications/nianbao.desktop" \
        "$data/icons/hicolor/256x256/apps/nianbao.png" "$data/mime/packages/nianbao.xml"
    action=已卸载
else
    mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/mime/packages"
    install -m 755 "$here/nianbao" "$bin/nianbao"
    # The menu starts the program by its full path: ~/.local/bin is not on
    # every desktop's PATH.
    sed "s|^Exec=nianbao|Exec=$bin/nianbao|" "$here/share/nianbao.desktop" > "$data/applications/nianbao.desktop"
    install -m 644 "$here/share/nianbao.png" "$data/icons/hicolor/256x256/apps/nianbao.png"
    install -m 644 "$here/share/nianbao-mime.xml" "$data/mime/packages/nianbao.xml"
    action=已安装
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ "$action" = 已安装 ]; then
    xdg-mime default nianbao.desktop application/x-nianbao-report+json 2>/dev/null || true
fi
echo "年报编辑器$action（$bin/nianbao）。"
