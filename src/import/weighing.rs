//! Which readings of table 三's rows take part in a combination under which
//! every relation that can hold does hold: what `choice::consistent` gives
//! by weighing every combination (up to 20 000), found without walking them.
//!
//! A relation holds when its left side less its right is 0 (exact: an i128
//! holds any difference of sums of counts) and none of its figures is blank.
//! Each row's reading adds to the relations it takes part in, worked out
//! beforehand ("shares"). Whether a relation can hold at all is told from the
//! sums its rows can reach together. The readings that fit are then found
//! row by row: the partial sums the rows before a row can reach, and those
//! the rows after it can, meet where the row's reading makes every relation
//! 0. Partial sums that many combinations share are kept once, and a blank in
//! a relation that must hold ends a branch at once: on the published page
//! that needed 12 096 combinations this weighs a few hundred partial sums
//! (walking them made one page take 0.4 s to import, then 0.4 ms, now less).
//! The walk itself stays, in the tests, as the definition this must match.

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

/// What one reading adds to the relations that must hold: (relation's
/// number among them, amount); `None` when it leaves one of them a blank.
type Adds = Option<Vec<(usize, i128)>>;

pub struct Weighing<'a> {
    /// `values[unit][reading][column]`: the count there, `None` when blank
    /// or no count.
    values: &'a [Vec<Vec<Option<u64>>>],
    relations: Vec<Sides>,
    /// The relations each unit takes part in.
    touched: Vec<Vec<usize>>,
    /// `share[unit][reading]`, for each of `touched[unit]`: what the unit's
    /// cells add to the relation's left side less its right, and how many
    /// of them are blank.
    share: Vec<Vec<Vec<(i128, u32)>>>,
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
            touched,
            share,
        }
    }

    /// What `choice::consistent` gives for these relations: per unit, which
    /// of its readings take part in a combination under which every relation
    /// that holds under some combination holds (all of them when no
    /// combination makes those hold together); `None` when there are more
    /// than `limit` combinations, as there.
    pub fn consistent(&self, limit: usize) -> Option<Vec<Vec<bool>>> {
        let sizes: Vec<usize> = self.values.iter().map(Vec::len).collect();
        let total = super::choice::combinations(&sizes, limit)?;
        let every = || Some(sizes.iter().map(|n| vec![true; *n]).collect());
        if total == 0 {
            return every();
        }
        let units = self.values.len();
        // Each relation's units, and where it sits in each unit's shares.
        let mut members: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.relations.len()];
        for (u, rels) in self.touched.iter().enumerate() {
            for (k, &i) in rels.iter().enumerate() {
                members[i].push((u, k));
            }
        }
        // The relations that can hold, numbered 0.. among themselves.
        let mut slot = vec![None; self.relations.len()];
        let mut active = 0;
        for (i, m) in members.iter().enumerate() {
            if self.can_hold(i, m) {
                slot[i] = Some(active);
                active += 1;
            }
        }
        // What each reading adds to the relations that must hold; `None`
        // when it leaves one of them a blank (it can take part in nothing).
        let adds: Vec<Vec<Adds>> = (0..units)
            .map(|u| {
                self.share[u]
                    .iter()
                    .map(|shares| {
                        let mut out = Vec::new();
                        for (&i, &(d, b)) in self.touched[u].iter().zip(shares) {
                            if let Some(k) = slot[i] {
                                if b > 0 {
                                    return None;
                                }
                                out.push((k, d));
                            }
                        }
                        Some(out)
                    })
                    .collect()
            })
            .collect();
        // The first and the last unit of each relation that must hold: once
        // past it, its sum must be 0.
        let mut first = vec![usize::MAX; active];
        let mut last = vec![0; active];
        for (i, m) in members.iter().enumerate() {
            if let Some(k) = slot[i] {
                for &(u, _) in m {
                    first[k] = first[k].min(u);
                    last[k] = last[k].max(u);
                }
            }
        }
        // Sets of partial sums: sorted, each once.
        let step = |from: &[Vec<i128>], u: usize, done: &dyn Fn(usize) -> bool| {
            let mut to = Vec::new();
            for sums in from {
                for add in adds[u].iter().flatten() {
                    let mut next = sums.clone();
                    for &(k, d) in add {
                        next[k] += d;
                    }
                    if (0..active).all(|k| !done(k) || next[k] == 0) {
                        to.push(next);
                    }
                }
            }
            to.sort_unstable();
            to.dedup();
            to
        };
        let zero = vec![vec![0i128; active]];
        // before[u]: the sums units 0..u reach; after[u]: those units u.. reach.
        let mut before = vec![zero.clone()];
        for u in 0..units {
            let next = step(&before[u], u, &|k| last[k] == u);
            before.push(next);
        }
        let mut after = vec![Vec::new(); units + 1];
        after[units] = zero;
        for u in (0..units).rev() {
            after[u] = step(&after[u + 1], u, &|k| first[k] == u);
        }
        if before[units].is_empty() {
            return every();
        }
        let keep = (0..units)
            .map(|u| {
                adds[u]
                    .iter()
                    .map(|add| {
                        add.as_ref().is_some_and(|add| {
                            before[u].iter().any(|sums| {
                                let mut need: Vec<i128> = sums.iter().map(|s| -s).collect();
                                for &(k, d) in add {
                                    need[k] -= d;
                                }
                                after[u + 1].binary_search(&need).is_ok()
                            })
                        })
                    })
                    .collect()
            })
            .collect();
        Some(keep)
    }

    /// Whether relation `i` holds under some combination: the sums its
    /// units' readings reach together (`members`: each unit, and where the
    /// relation sits in its shares) include 0 with no blank.
    fn can_hold(&self, i: usize, members: &[(usize, usize)]) -> bool {
        if self.relations[i]
            .iter()
            .flatten()
            .any(|t| matches!(t, Term::Blank))
        {
            return false;
        }
        let mut reach = vec![0i128];
        for &(u, k) in members {
            let mut shares: Vec<i128> = self.share[u]
                .iter()
                .filter(|s| s[k].1 == 0)
                .map(|s| s[k].0)
                .collect();
            shares.sort_unstable();
            shares.dedup();
            reach = reach
                .iter()
                .flat_map(|r| shares.iter().map(move |d| r + d))
                .collect();
            reach.sort_unstable();
            reach.dedup();
        }
        reach.binary_search(&0).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::choice;
    use proptest::prelude::*;

    /// The definition: the relations that hold under `pick`, every one added
    /// up from the values (not from the shares).
    fn holding(values: &[Vec<Vec<Option<u64>>>], relations: &[Sides], pick: &[usize]) -> u64 {
        let mut bits = 0;
        for (i, sides) in relations.iter().enumerate() {
            let mut difference = 0i128;
            let mut blank = false;
            for (side, terms) in sides.iter().enumerate() {
                let sign = if side == 0 { 1 } else { -1 };
                for t in terms {
                    match *t {
                        Term::Zero => {}
                        Term::Cell(u, c) => match values[u][pick[u]].get(c).copied().flatten() {
                            Some(v) => difference += sign * i128::from(v),
                            None => blank = true,
                        },
                        Term::Blank => blank = true,
                    }
                }
            }
            if difference == 0 && !blank {
                bits |= 1 << i;
            }
        }
        bits
    }

    fn relation(terms: Vec<(usize, usize, usize)>, units: usize) -> Vec<Term> {
        terms
            .into_iter()
            .map(|(k, u, c)| match k {
                0 => Term::Zero,
                1 => Term::Blank,
                _ => Term::Cell(u % units, c % 3),
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Whatever the readings and relations, the readings kept are those
        /// walking every combination keeps.
        #[test]
        fn the_readings_kept_are_those_the_walk_keeps(
            values in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec(proptest::option::weighted(0.9, 0u64..4), 3), 0..5), 1..6),
            relations in proptest::collection::vec(
                (proptest::collection::vec((0usize..6, 0usize..6, 0usize..3), 0..5),
                 proptest::collection::vec((0usize..6, 0usize..6, 0usize..3), 0..3)), 1..8),
            limit in prop_oneof![Just(usize::MAX), 0usize..40],
        ) {
            let units = values.len();
            let relations: Vec<Sides> = relations
                .into_iter()
                .map(|(l, r)| [relation(l, units), relation(r, units)])
                .collect();
            let sizes: Vec<usize> = values.iter().map(Vec::len).collect();
            let walked = choice::consistent(&sizes, limit, |pick| holding(&values, &relations, pick));
            let w = Weighing::new(&values, relations.clone());
            prop_assert_eq!(w.consistent(limit), walked);
        }
    }

    /// Two rows, one relation: 总计 = a + b. The first row reads "12" as 12
    /// and a blank, or as 1|2; the second row's 总计 is 3: only the reading
    /// that adds up is kept.
    #[test]
    fn the_sum_decides_between_two_readings() {
        let values = vec![
            vec![vec![Some(12), None], vec![Some(1), Some(2)]],
            vec![vec![Some(3), Some(0)]],
        ];
        // row 1's first cell = row 0's first two cells.
        let relations = vec![[
            vec![Term::Cell(1, 0)],
            vec![Term::Cell(0, 0), Term::Cell(0, 1)],
        ]];
        let w = Weighing::new(&values, relations);
        assert_eq!(w.consistent(100), Some(vec![vec![false, true], vec![true]]));
    }
}
