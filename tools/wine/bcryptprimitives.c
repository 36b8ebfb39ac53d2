/* Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng the Rust
 * standard library has used for random numbers since 1.78; every Rust program
 * then fails to start under that Wine. Windows 10/11 have it. This stand-in
 * forwards to BCryptGenRandom and is copied into the smoke test's Wine prefix
 * only (tools/smoke-windows.sh); it is never shipped. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
