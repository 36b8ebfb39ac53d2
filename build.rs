//! The Windows executable's resources: the icon Explorer and the taskbar show,
//! and the version information of its Properties → Details tab. Other targets
//! need nothing from here.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/nianbao.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/nianbao.ico")
        .set("ProductName", "年报编辑器 nianbao")
        .set("FileDescription", "政府信息公开工作年度报告编辑器")
        .set("CompanyName", "nianbao")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "nianbao.exe")
        .set("ProductVersion", version)
        .set("FileVersion", version)
        .set_language(0x0804); // 中文（中华人民共和国）
    // Cross-compiling, winresource calls mingw-w64's x86_64-w64-mingw32-windres.
    if let Err(e) = res.compile() {
        panic!(
            "无法生成 Windows 资源（图标、版本信息），请安装 mingw-w64（x86_64-w64-mingw32-windres）：{e}"
        );
    }
}
