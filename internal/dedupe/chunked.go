package dedupe

// chunkBits sets the size of the blocks in which the index keeps its
// large arrays: 1<<16 elements.
const chunkBits = 16

// chunked is an append-only array kept in fixed-size blocks. Growing it
// never copies what is stored, and it never asks the runtime for one huge
// block: a plain slice of hundreds of megabytes is reallocated, copied and
// faulted in again many times on its way there.
type chunked[T any] struct {
	blocks [][]T
	n      int // logical length, counting the unused tails of full blocks
}

// appendRun appends v (at most one block long) so that it is contiguous,
// starting a new block when the current one lacks room, and returns the
// index of its first element.
func (c *chunked[T]) appendRun(v []T) int {
	return c.appendRunFunc(len(v), func(dst []T) { copy(dst, v) })
}

// appendRunFunc appends n elements (at most one block long), contiguous
// as with appendRun, filled in by fill, and returns the index of the
// first.
func (c *chunked[T]) appendRunFunc(n int, fill func(dst []T)) int {
	if n > 1<<chunkBits {
		panic("dedupe: run longer than a block")
	}
	if len(c.blocks) == 0 || len(c.blocks[len(c.blocks)-1])+n > 1<<chunkBits {
		c.blocks = append(c.blocks, make([]T, 0, 1<<chunkBits))
		c.n = (len(c.blocks) - 1) << chunkBits
	}
	b := &c.blocks[len(c.blocks)-1]
	start := c.n
	*b = (*b)[:len(*b)+n]
	fill((*b)[len(*b)-n:])
	c.n += n
	return start
}

// add appends one element and returns its index.
func (c *chunked[T]) add(v T) int {
	if len(c.blocks) == 0 || len(c.blocks[len(c.blocks)-1]) == 1<<chunkBits {
		c.blocks = append(c.blocks, make([]T, 0, 1<<chunkBits))
		c.n = (len(c.blocks) - 1) << chunkBits
	}
	b := &c.blocks[len(c.blocks)-1]
	*b = append(*b, v)
	c.n++
	return c.n - 1
}

// run returns the n elements from index start, as stored by appendRun.
func (c *chunked[T]) run(start, n int) []T {
	b := c.blocks[start>>chunkBits]
	i := start & (1<<chunkBits - 1)
	return b[i : i+n : i+n]
}

// at returns the element at index i.
func (c *chunked[T]) at(i int) *T {
	return &c.blocks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// count returns the number of elements stored (not counting gaps).
func (c *chunked[T]) count() int {
	n := 0
	for _, b := range c.blocks {
		n += len(b)
	}
	return n
}
