//! What the operating system needs from the program beyond its window: on
//! Windows, a release build is a GUI program (no console window behind the
//! editor), so the command line must find its console itself, and an editor
//! that cannot start has nowhere to print — it shows a message box instead.

/// On Windows, write to the console of the `cmd`/PowerShell the program was
/// started from, unless output is redirected (then it already goes there).
/// Elsewhere, and when started from Explorer, nothing happens.
pub fn attach_console() {
    #[cfg(windows)]
    // SAFETY: plain Win32 calls with constant arguments; a failure (no parent
    // console, e.g. started from Explorer) just leaves output unattached.
    unsafe {
        use windows_sys::Win32::System::Console::{
            ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
        };
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        if out.is_null() || out as isize == -1 {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Tell the user why the editor did not start: on standard error, and on
/// Windows also in a message box, since a double-clicked program has no console.
pub fn report_fatal(message: &str) {
    eprintln!("{message}");
    #[cfg(windows)]
    {
        use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
        let wide = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
        let (text, caption) = (wide(message), wide("年报编辑器"));
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                caption.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }
}
