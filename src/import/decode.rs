//! Bytes to text. Pages saved on Chinese Windows are often GBK (GB18030);
//! they are decoded, not refused, and the summary names what was found.

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::ImportError;

/// A published report is a few hundred KB at most, its web page a few MB; a
/// bigger file is not one, and reading it would only make the user wait.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The text and the name of its encoding, as the summary shows it.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(ImportError::Encoding);
        }
        let name = if enc == UTF_8 {
            "UTF-8（带BOM）"
        } else {
            "UTF-16"
        };
        return checked(text.into_owned(), name);
    }
    if looks_binary(bytes) {
        return Err(ImportError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), "UTF-8");
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => checked(text.into_owned(), "GBK/GB18030"),
        None => Err(ImportError::Encoding),
    }
}

/// NUL bytes or many control characters: an image, an archive, a Word file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

fn checked(text: String, name: &'static str) -> Result<(String, &'static str), ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.contains('\0') {
        return Err(ImportError::Binary);
    }
    Ok((text, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_and_bom() {
        let (t, e) = decode("一、总体情况".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("一、总体情况", "UTF-8"));
        let (gbk, _, _) = GB18030.encode("一、总体情况");
        let (t, e) = decode(&gbk).unwrap();
        assert_eq!((t.as_str(), e), ("一、总体情况", "GBK/GB18030"));
        let (t, e) = decode("\u{feff}年报".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("年报", "UTF-8（带BOM）"));
    }

    #[test]
    fn hostile_bytes_are_refused() {
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b"  \n\t "), Err(ImportError::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(ImportError::Binary));
        assert!(matches!(
            decode(&vec![b'a'; MAX_BYTES + 1]),
            Err(ImportError::TooLarge(_))
        ));
    }
}
