//! Table B as stored: 25 rows × 7 columns, each cell a count or blank.
//!
//! In the file it is an object with one key per row, in form order, each an
//! array of the seven columns; serde's derive cannot express "every one of
//! these 25 keys, each exactly 7 long", so the (de)serialization is written out.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Count;
use crate::form::{AppCol, AppRow};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applications([[Count; 7]; 25]);

impl Applications {
    pub fn get(&self, r: AppRow, c: AppCol) -> Count {
        self.0[r.index()][c.index()]
    }

    pub fn get_mut(&mut self, r: AppRow, c: AppCol) -> &mut Count {
        &mut self.0[r.index()][c.index()]
    }

    pub fn row(&self, r: AppRow) -> &[Count; 7] {
        &self.0[r.index()]
    }

    pub fn row_mut(&mut self, r: AppRow) -> &mut [Count; 7] {
        &mut self.0[r.index()]
    }
}

impl Serialize for Applications {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(25))?;
        for r in AppRow::ALL {
            map.serialize_entry(r.key(), self.row(r))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Applications {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Applications, D::Error> {
        d.deserialize_map(RowsVisitor)
    }
}

struct RowsVisitor;

impl<'de> Visitor<'de> for RowsVisitor {
    type Value = Applications;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with one array of 7 counts per row of table B")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Applications, A::Error> {
        let mut rows: [Option<[Count; 7]>; 25] = [None; 25];
        while let Some(key) = map.next_key::<String>()? {
            let row = AppRow::from_key(&key)
                .ok_or_else(|| de::Error::unknown_field(&key, &AppRow::KEYS))?;
            if rows[row.index()].is_some() {
                return Err(de::Error::duplicate_field(row.key()));
            }
            rows[row.index()] = Some(map.next_value()?);
        }
        let mut out = Applications::default();
        for r in AppRow::ALL {
            *out.row_mut(r) = rows[r.index()].ok_or_else(|| de::Error::missing_field(r.key()))?;
        }
        Ok(out)
    }
}
