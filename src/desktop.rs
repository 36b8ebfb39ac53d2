//! What the operating system needs from the program beyond its window: on
//! Windows, a release build is a GUI program (no console window behind the
//! editor), so the command line must find its console itself, and an editor
//! that cannot start has nowhere to print — it shows a message box instead.
//! Whether another editor's process still runs is asked here too, and the
//! allocators are told how the editor uses memory.
//!
//! The one module that calls the operating system's C interfaces, and so the
//! one allowed `unsafe` (`#[allow(unsafe_code)]` on its declaration in lib.rs).

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

/// Before the editor's window opens: keep the large blocks each frame
/// allocates and frees (meshes, the software renderer's buffers) for the next
/// frame. By default glibc hands blocks over 128 KB and the free top of its
/// heap back to the kernel, and takes them again the next frame, every page
/// zeroed anew: 1.5 ms of a 17 ms frame while typing into a long narrative
/// (tools/measure-editor.sh) when glibc served the program's own allocations
/// too. Now that it serves only the C libraries' (Mesa's), still 0.5 ms of a
/// 12 ms frame, 1–2 ms of 17 in one long paragraph. mimalloc, which
/// serves the program's (src/main.rs), keeps freed pages by itself: at least
/// a second, until it next allocates after that.
/// Elsewhere (Windows, other C libraries) nothing happens.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before the
    // window's threads start. A refused value (returns 0) leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

/// Give the pages this thread freed so far back to the system. mimalloc does
/// so only when it next allocates, a second or more after the free: an editor
/// idle after start allocates nothing, and kept what start-up freed (4 MB).
/// Having it give them back at once instead (its purge delay 0) made typing
/// fault in fresh pages every frame, so the editor's UI thread, which does
/// nearly all of its allocating, calls this once after start-up. Should
/// another thread be purging at that moment, mimalloc skips the purge.
pub fn give_back_freed_memory() {
    #[cfg(feature = "editor")]
    // SAFETY: mi_collect may be called at any time from any thread.
    unsafe {
        libmimalloc_sys::mi_collect(true);
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

/// Whether a process still runs (for the recovery copies: see
/// `store::recovery`). Elsewhere than Linux and Windows we cannot tell
/// cheaply and say no: a copy is offered rather than lost.
pub fn process_alive(pid: u32) -> bool {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{CloseHandle, STILL_ACTIVE};
        use windows_sys::Win32::System::Threading::{
            GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
        };
        // SAFETY: the handle is checked before use and closed once.
        unsafe {
            let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
            if handle.is_null() {
                return false;
            }
            let mut code = 0u32;
            let ok = GetExitCodeProcess(handle, &mut code) != 0;
            CloseHandle(handle);
            ok && code == STILL_ACTIVE as u32
        }
    }
    #[cfg(not(windows))]
    {
        cfg!(target_os = "linux") && std::path::Path::new("/proc").join(pid.to_string()).exists()
    }
}
