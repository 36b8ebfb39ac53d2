//! Table C as stored: three groups of five figures.

use serde::{Deserialize, Serialize};

use super::{Count, required};
use crate::form::{AppealGroup, AppealPart};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appeals {
    pub review: AppealFigures,
    pub suit_direct: AppealFigures,
    pub suit_after_review: AppealFigures,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealFigures {
    #[serde(deserialize_with = "required")]
    pub upheld: Count,
    #[serde(deserialize_with = "required")]
    pub corrected: Count,
    #[serde(deserialize_with = "required")]
    pub other: Count,
    #[serde(deserialize_with = "required")]
    pub pending: Count,
    #[serde(deserialize_with = "required")]
    pub total: Count,
}

impl Appeals {
    pub fn group(&self, g: AppealGroup) -> &AppealFigures {
        match g {
            AppealGroup::Review => &self.review,
            AppealGroup::SuitDirect => &self.suit_direct,
            AppealGroup::SuitAfterReview => &self.suit_after_review,
        }
    }

    pub fn group_mut(&mut self, g: AppealGroup) -> &mut AppealFigures {
        match g {
            AppealGroup::Review => &mut self.review,
            AppealGroup::SuitDirect => &mut self.suit_direct,
            AppealGroup::SuitAfterReview => &mut self.suit_after_review,
        }
    }

    pub fn get(&self, g: AppealGroup, p: AppealPart) -> Count {
        *self.group(g).part(p)
    }

    pub fn get_mut(&mut self, g: AppealGroup, p: AppealPart) -> &mut Count {
        self.group_mut(g).part_mut(p)
    }
}

impl AppealFigures {
    pub fn part(&self, p: AppealPart) -> &Count {
        match p {
            AppealPart::Upheld => &self.upheld,
            AppealPart::Corrected => &self.corrected,
            AppealPart::Other => &self.other,
            AppealPart::Pending => &self.pending,
            AppealPart::Total => &self.total,
        }
    }

    pub fn part_mut(&mut self, p: AppealPart) -> &mut Count {
        match p {
            AppealPart::Upheld => &mut self.upheld,
            AppealPart::Corrected => &mut self.corrected,
            AppealPart::Other => &mut self.other,
            AppealPart::Pending => &mut self.pending,
            AppealPart::Total => &mut self.total,
        }
    }
}
