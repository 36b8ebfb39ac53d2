use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The file format's version tag.
pub const SCHEMA: &str = "nianbao.report/1";

/// The `schema` key: always [`SCHEMA`] when written; any other value is refused
/// when read, so that a file from a newer version is never half-understood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Schema;

impl Serialize for Schema {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(SCHEMA)
    }
}

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Schema, D::Error> {
        let s = String::deserialize(d)?;
        if s == SCHEMA {
            Ok(Schema)
        } else {
            Err(serde::de::Error::custom(unknown_schema_message(&s)))
        }
    }
}

/// The message for a schema this version cannot read.
pub fn unknown_schema_message(found: &str) -> String {
    let newer = found
        .strip_prefix("nianbao.report/")
        .and_then(|v| v.parse::<u32>().ok())
        .is_some_and(|v| v > 1);
    if newer {
        format!(
            "此文件由更新版本的程序保存（格式 {found}），本程序只能读取 {SCHEMA}：请升级本程序后再打开"
        )
    } else {
        format!("不是本程序的年报文件（格式标记为“{found}”，应为 {SCHEMA}）")
    }
}
