//! Which relations of a table hold under a combination of readings, for
//! `choice::consistent`'s walk over up to 20 000 combinations.
//!
//! The walk goes in odometer order: from one combination to the next, mostly
//! one unit (a row) changes its reading. Each relation keeps the sums of its
//! two sides, and a change moves only the sums the changed row takes part in:
//! weighing a combination costs a few additions instead of adding up every
//! relation again (which made one published page take 0.4 s to import).

use std::cell::RefCell;

/// A figure of a relation, as a combination of readings gives it.
#[derive(Clone, Copy, Debug)]
pub enum Term {
    /// Counted as nothing (a sub-row printed as one row with its parent).
    Zero,
    /// Column `.1` of the reading unit `.0` has picked.
    Cell(usize, usize),
    /// A cell no reading gives: the relation cannot hold.
    Blank,
}

/// A relation as terms: its left side and its right side.
pub type Sides = [Vec<Term>; 2];

pub struct Weighing<'a> {
    /// `values[unit][reading][column]`: the count there, `None` when blank
    /// or no count.
    values: &'a [Vec<Vec<Option<u64>>>],
    relations: Vec<Sides>,
    /// Where each unit's cells are used: (relation, side, column).
    uses: Vec<Vec<(usize, usize, usize)>>,
    state: RefCell<Option<State>>,
}

/// The sums under the combination last weighed.
struct State {
    pick: Vec<usize>,
    sums: Vec<[u128; 2]>,
    /// Per relation and side, how many of its figures are blank.
    blanks: Vec<[u32; 2]>,
    bits: u64,
}

impl<'a> Weighing<'a> {
    /// At most 64 relations: their bits make a `u64`.
    pub fn new(values: &'a [Vec<Vec<Option<u64>>>], relations: Vec<Sides>) -> Self {
        assert!(relations.len() <= 64, "one bit per relation");
        let mut uses = vec![Vec::new(); values.len()];
        for (i, sides) in relations.iter().enumerate() {
            for (side, terms) in sides.iter().enumerate() {
                for t in terms {
                    if let Term::Cell(u, c) = *t {
                        uses[u].push((i, side, c));
                    }
                }
            }
        }
        Weighing {
            values,
            relations,
            uses,
            state: RefCell::new(None),
        }
    }

    fn value(&self, u: usize, reading: usize, c: usize) -> Option<u64> {
        self.values[u][reading].get(c).copied().flatten()
    }

    fn holds(sums: [u128; 2], blanks: [u32; 2]) -> bool {
        blanks == [0, 0] && sums[0] == sums[1]
    }

    /// Every relation added up from the start, under `pick`.
    fn fresh(&self, pick: &[usize]) -> State {
        let mut sums = vec![[0u128; 2]; self.relations.len()];
        let mut blanks = vec![[0u32; 2]; self.relations.len()];
        let mut bits = 0u64;
        for (i, sides) in self.relations.iter().enumerate() {
            for (side, terms) in sides.iter().enumerate() {
                for t in terms {
                    match *t {
                        Term::Zero => {}
                        Term::Cell(u, c) => match self.value(u, pick[u], c) {
                            Some(v) => sums[i][side] += u128::from(v),
                            None => blanks[i][side] += 1,
                        },
                        Term::Blank => blanks[i][side] += 1,
                    }
                }
            }
            if Self::holds(sums[i], blanks[i]) {
                bits |= 1 << i;
            }
        }
        State {
            pick: pick.to_vec(),
            sums,
            blanks,
            bits,
        }
    }

    /// The relations that hold when unit `u` takes its reading `pick[u]`,
    /// as bits (bit `i` for relation `i`).
    pub fn holding(&self, pick: &[usize]) -> u64 {
        let mut state = self.state.borrow_mut();
        let s = match state.as_mut() {
            Some(s) if s.pick.len() == pick.len() => s,
            _ => return state.insert(self.fresh(pick)).bits,
        };
        for (u, &now) in pick.iter().enumerate() {
            let was = s.pick[u];
            if was == now {
                continue;
            }
            for &(i, side, c) in &self.uses[u] {
                match self.value(u, was, c) {
                    Some(v) => s.sums[i][side] -= u128::from(v),
                    None => s.blanks[i][side] -= 1,
                }
                match self.value(u, now, c) {
                    Some(v) => s.sums[i][side] += u128::from(v),
                    None => s.blanks[i][side] += 1,
                }
            }
            for &(i, _, _) in &self.uses[u] {
                if Self::holds(s.sums[i], s.blanks[i]) {
                    s.bits |= 1 << i;
                } else {
                    s.bits &= !(1 << i);
                }
            }
            s.pick[u] = now;
        }
        s.bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Walked in any order, the kept sums give what adding up every
        /// relation afresh gives.
        #[test]
        fn moving_sums_agree_with_fresh_ones(
            values in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec(proptest::option::of(0u64..4), 3), 1..4), 1..4),
            relations in proptest::collection::vec(
                [proptest::collection::vec((0usize..4, 0usize..4, 0usize..4), 0..4),
                 proptest::collection::vec((0usize..4, 0usize..4, 0usize..4), 0..4)], 1..6),
            picks in proptest::collection::vec(proptest::collection::vec(0usize..4, 4), 1..20),
        ) {
            let units = values.len();
            // Every reading of a unit as long as its first.
            let relations: Vec<Sides> = relations
                .into_iter()
                .map(|sides| sides.map(|terms| terms.into_iter().map(|(k, u, c)| match k {
                    0 => Term::Zero,
                    1 => Term::Blank,
                    _ => Term::Cell(u % units, c % 3),
                }).collect()))
                .collect();
            let w = Weighing::new(&values, relations.clone());
            for pick in picks {
                let pick: Vec<usize> = pick
                    .iter()
                    .take(units)
                    .enumerate()
                    .map(|(u, r)| r % values[u].len())
                    .collect();
                let fresh = Weighing::new(&values, relations.clone()).holding(&pick);
                prop_assert_eq!(w.holding(&pick), fresh);
            }
        }
    }
}
