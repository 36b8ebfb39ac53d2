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

/// Unmap this process's pages of files it only reads: code and read-only
/// data of the program and its libraries, the fonts embedded in it. Start-up
/// maps them in 64 KB runs around each page it touches (the kernel's
/// fault-around), and Mesa's software renderer touches half of libLLVM (55
/// MB) compiling its shaders once: 87 MB of the editor's 120 MB resident
/// after start (tools/measure-editor.sh). The pages stay in the system's
/// file cache, and a page touched again is mapped again from there, as after
/// the kernel reclaimed it under memory pressure; what else a running editor
/// touches later is a few MB. Returns the bytes unmapped.
///
/// Only mappings of regular files that are not writable and hold no page of
/// their own (Anonymous, Swap: a library's relocated tables are read-only
/// after the loader wrote them): dropping one of those would lose what was
/// written. On other systems nothing happens.
pub fn unmap_read_only_file_pages() -> usize {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
            return 0;
        };
        read_only_file_mappings(&smaps)
            .into_iter()
            .filter(|m| std::fs::metadata(m.path).is_ok_and(|f| f.is_file()))
            .map(|m| {
                let len = m.end - m.start;
                // SAFETY: the range is a whole mapping of a regular file that
                // is not writable and has no anonymous or swapped page, so
                // every page of it reads again the same from the file.
                let ok = unsafe {
                    libc::madvise(m.start as *mut libc::c_void, len, libc::MADV_DONTNEED)
                } == 0;
                if ok { len } else { 0 }
            })
            .sum()
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    0
}

/// One mapping from /proc/self/smaps that may be unmapped: see
/// [`unmap_read_only_file_pages`].
#[derive(Debug, PartialEq, Eq)]
pub struct FileMapping<'a> {
    pub start: usize,
    pub end: usize,
    pub path: &'a str,
}

/// The mappings in `smaps` (the text of /proc/self/smaps) of a file by path,
/// not writable, without an anonymous or swapped page.
pub fn read_only_file_mappings(smaps: &str) -> Vec<FileMapping<'_>> {
    let mut found = Vec::new();
    // The mapping being read, if it qualifies so far.
    let mut current: Option<FileMapping> = None;
    for line in smaps.lines() {
        if let Some((start, end, perms, path)) = mapping_header(line) {
            found.extend(current.take());
            let by_path = path.starts_with('/')
                && !path.starts_with("/dev/")
                && !path.ends_with(" (deleted)");
            if by_path && perms.starts_with('r') && !perms.contains('w') {
                current = Some(FileMapping { start, end, path });
            }
            continue;
        }
        let mut field = line.split_whitespace();
        let (Some(name), Some(value)) = (field.next(), field.next()) else {
            continue;
        };
        // A page written through a private mapping is anonymous (or swapped
        // out); Private_Dirty also counts the file's own pages not yet saved
        // to disk, which stay in the file cache.
        if matches!(name, "Anonymous:" | "Swap:") && value != "0" {
            current = None;
        }
    }
    found.extend(current);
    found
}

/// `start-end perms offset dev inode [path]`: the start, end, permissions
/// and path (empty when anonymous) of a mapping's first line in smaps.
fn mapping_header(line: &str) -> Option<(usize, usize, &str, &str)> {
    let (range, rest) = line.split_once(' ')?;
    let (start, end) = range.split_once('-')?;
    let hex = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| usize::from_str_radix(s, 16).ok())
            .flatten()
    };
    let (start, end) = (hex(start)?, hex(end)?);
    let mut rest = rest.trim_start();
    let mut fields = [""; 4];
    for f in &mut fields {
        let (field, after) = rest.split_once(' ').unwrap_or((rest, ""));
        *f = field;
        rest = after.trim_start();
    }
    Some((start, end, fields[0], rest.trim_end()))
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

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
55e18337e000-55e186645000 r--p 00000000 fe:00 1234    /opt/nianbao/nianbao
Size:              52000 kB
Anonymous:             0 kB
Swap:                  0 kB
55e186645000-55e187614000 r-xp 032c6000 fe:00 1234    /opt/nianbao/nianbao
Anonymous:             0 kB
Swap:                  0 kB
55e187614000-55e1876cf000 r--p 04294000 fe:00 1234    /opt/nianbao/nianbao
Private_Dirty:       736 kB
Anonymous:           736 kB
55e1876cf000-55e1876d8000 rw-p 0434e000 fe:00 1234    /opt/nianbao/nianbao
Anonymous:            36 kB
55e1ba581000-55e1bb770000 rw-p 00000000 00:00 0       [heap]
7f9642c00000-7f964937c000 r-xp 00000000 fe:00 99 /usr/lib/my libs/libLLVM-15.so.1
Anonymous:             0 kB
Swap:                  0 kB
7f964937d000-7f9649b9b000 r--p 0677c000 fe:00 99 /usr/lib/x/libswapped.so
Anonymous:             0 kB
Swap:                  8 kB
7f9650000000-7f9650001000 r--s 00000000 00:05 7       /dev/dri/renderD128
Anonymous:             0 kB
7f9650001000-7f9650002000 r--p 00000000 fe:00 8       /tmp/old.so (deleted)
Anonymous:             0 kB
7f9650002000-7f9650003000 ---p 00000000 fe:00 9       /usr/lib/guard.so
7f9650003000-7f9650004000 r--p 00000000 00:00 0
Anonymous:             0 kB
7ffd1000-7ffd2000 r-xp 00000000 00:00 0                  [vdso]
";

    #[test]
    fn only_read_only_file_mappings_without_pages_of_their_own_are_unmapped() {
        let found = read_only_file_mappings(SMAPS);
        assert_eq!(
            found,
            [
                FileMapping {
                    start: 0x55e1_8337_e000,
                    end: 0x55e1_8664_5000,
                    path: "/opt/nianbao/nianbao"
                },
                FileMapping {
                    start: 0x55e1_8664_5000,
                    end: 0x55e1_8761_4000,
                    path: "/opt/nianbao/nianbao"
                },
                FileMapping {
                    start: 0x7f96_42c0_0000,
                    end: 0x7f96_4937_c000,
                    path: "/usr/lib/my libs/libLLVM-15.so.1"
                },
            ]
        );
    }

    #[test]
    fn a_malformed_smaps_line_is_skipped() {
        for text in [
            "",
            "-",
            "zz-10 r--p 0 0:0 1 /a",
            "10-20",
            "10-20 r--p",
            "\n\n",
        ] {
            for m in read_only_file_mappings(text) {
                assert!(m.path.starts_with('/'), "{text:?} gave {m:?}");
            }
        }
        assert_eq!(
            read_only_file_mappings("10-20 r--p 0 0:0 1 /a")[0].path,
            "/a"
        );
    }
}
