//! Which relations of a table hold under a combination of readings, for
//! `choice::consistent`'s walk over up to 20 000 combinations.
//!
//! The walk goes in odometer order: from one combination to the next, mostly
//! one unit (a row) changes its reading. Each relation keeps its left side
//! less its right (exact: an i128 holds any difference of sums of counts)
//! and its blanks; a change moves only the relations the changed row takes
//! part in, by what that row's reading gives each, worked out beforehand:
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
    /// The units with more than one reading: the only ones that change.
    open: Vec<usize>,
    /// The relations each unit takes part in.
    touched: Vec<Vec<usize>>,
    /// `share[unit][reading]`, for each of `touched[unit]`: what the unit's
    /// cells add to the relation's left side less its right, and how many
    /// of them are blank.
    share: Vec<Vec<Vec<(i128, u32)>>>,
    state: RefCell<Option<State>>,
}

/// Each relation under the combination last weighed: left side less right
/// side, and how many of its figures are blank. It holds when both are 0.
struct State {
    pick: Vec<usize>,
    difference: Vec<i128>,
    blanks: Vec<u32>,
    bits: u64,
}

impl<'a> Weighing<'a> {
    /// At most 64 relations: their bits make a `u64`.
    pub fn new(values: &'a [Vec<Vec<Option<u64>>>], relations: Vec<Sides>) -> Self {
        assert!(relations.len() <= 64, "one bit per relation");
        // (relation, sign, column) of each unit's cells.
        let mut uses = vec![Vec::new(); values.len()];
        for (i, sides) in relations.iter().enumerate() {
            for (side, terms) in sides.iter().enumerate() {
                for t in terms {
                    if let Term::Cell(u, c) = *t {
                        uses[u].push((i, if side == 0 { 1 } else { -1 }, c));
                    }
                }
            }
        }
        let touched: Vec<Vec<usize>> = uses
            .iter()
            .map(|u| {
                let mut rels: Vec<usize> = u.iter().map(|&(i, _, _)| i).collect();
                rels.sort_unstable();
                rels.dedup();
                rels
            })
            .collect();
        let share = values
            .iter()
            .enumerate()
            .map(|(u, readings)| {
                readings
                    .iter()
                    .map(|reading| {
                        touched[u]
                            .iter()
                            .map(|&rel| {
                                uses[u].iter().filter(|&&(i, _, _)| i == rel).fold(
                                    (0i128, 0u32),
                                    |(d, b), &(_, sign, c)| match reading.get(c).copied().flatten()
                                    {
                                        Some(v) => (d + sign * i128::from(v), b),
                                        None => (d, b + 1),
                                    },
                                )
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Weighing {
            values,
            relations,
            open: (0..values.len()).filter(|&u| values[u].len() > 1).collect(),
            touched,
            share,
            state: RefCell::new(None),
        }
    }

    /// Every relation worked out from the start, under `pick`.
    fn fresh(&self, pick: &[usize]) -> State {
        let mut difference = vec![0i128; self.relations.len()];
        let mut blanks = vec![0u32; self.relations.len()];
        let mut bits = 0u64;
        for (i, sides) in self.relations.iter().enumerate() {
            for (side, terms) in sides.iter().enumerate() {
                let sign = if side == 0 { 1 } else { -1 };
                for t in terms {
                    match *t {
                        Term::Zero => {}
                        Term::Cell(u, c) => match self.values[u][pick[u]].get(c).copied().flatten()
                        {
                            Some(v) => difference[i] += sign * i128::from(v),
                            None => blanks[i] += 1,
                        },
                        Term::Blank => blanks[i] += 1,
                    }
                }
            }
            if difference[i] == 0 && blanks[i] == 0 {
                bits |= 1 << i;
            }
        }
        State {
            pick: pick.to_vec(),
            difference,
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
        for &u in &self.open {
            let (was, now) = (s.pick[u], pick[u]);
            if was == now {
                continue;
            }
            let (before, after) = (&self.share[u][was], &self.share[u][now]);
            for ((&i, old), new) in self.touched[u].iter().zip(before).zip(after) {
                s.difference[i] += new.0 - old.0;
                s.blanks[i] = s.blanks[i] + new.1 - old.1;
                if s.difference[i] == 0 && s.blanks[i] == 0 {
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
