package main

import (
	"context"
	"flag"
	"fmt"
)

// crudAPI is the shape goals.API and triggers.API share: K is the key (a goal
// id, a trigger name), T the object and P its params.
type crudAPI[K, T, P any] interface {
	List(ctx context.Context) ([]T, error)
	Get(ctx context.Context, key K) (*T, error)
	Create(ctx context.Context, p *P) (*T, error)
	Update(ctx context.Context, key K, p *P) (*T, error)
	Delete(ctx context.Context, key K) error
}

// crud is the list, get, create, update and delete commands of one Zendesk
// Chat resource: how to build its client, read its key and its flags, and
// print it.
type crud[K, T, P any] struct {
	client func(*app) (crudAPI[K, T, P], error)
	key    func(string) (K, error)
	// flags registers the params' flags on fs and returns what builds the
	// params from the flags that were given.
	flags func(fs *flag.FlagSet) func(set map[string]bool) (*P, error)
	view  func(T) any
	table func(...T) table
}

func (r crud[K, T, P]) list(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, _ []string) error {
		c, err := r.client(a)
		if err != nil {
			return err
		}
		list, err := c.List(ctx)
		if err != nil {
			return err
		}
		return a.print(views(list, r.view), func() table { return r.table(list...) })
	}
}

func (r crud[K, T, P]) get(*flag.FlagSet) action {
	return r.action(true, nil, func(ctx context.Context, a *app, c crudAPI[K, T, P], key K, _ *P) error {
		return r.print(a)(c.Get(ctx, key))
	})
}

func (r crud[K, T, P]) create(fs *flag.FlagSet) action {
	return r.action(false, r.params(fs), func(ctx context.Context, a *app, c crudAPI[K, T, P], _ K, p *P) error {
		return r.print(a)(c.Create(ctx, p))
	})
}

func (r crud[K, T, P]) update(fs *flag.FlagSet) action {
	return r.action(true, r.params(fs), func(ctx context.Context, a *app, c crudAPI[K, T, P], key K, p *P) error {
		return r.print(a)(c.Update(ctx, key, p))
	})
}

func (r crud[K, T, P]) delete(*flag.FlagSet) action {
	return r.action(true, nil, func(ctx context.Context, a *app, c crudAPI[K, T, P], key K, _ *P) error {
		if err := c.Delete(ctx, key); err != nil {
			return err
		}
		name := fmt.Sprint(key)
		return a.print(deleted{Deleted: name}, deletedTable(name))
	})
}

// params registers the params' flags on fs and returns what reads them.
func (r crud[K, T, P]) params(fs *flag.FlagSet) func() (*P, error) {
	build := r.flags(fs)
	return func() (*P, error) { return build(setFlags(fs)) }
}

// action reads the key from the first argument (keyed) and the params (if
// any), in that order, then builds the client and runs call.
func (r crud[K, T, P]) action(keyed bool, params func() (*P, error), call func(context.Context, *app, crudAPI[K, T, P], K, *P) error) action {
	return func(ctx context.Context, a *app, args []string) error {
		var (
			key K
			p   *P
			err error
		)
		if keyed {
			if key, err = r.key(args[0]); err != nil {
				return err
			}
		}
		if params != nil {
			if p, err = params(); err != nil {
				return err
			}
		}
		c, err := r.client(a)
		if err != nil {
			return err
		}
		return call(ctx, a, c, key, p)
	}
}

// print returns what prints one object a call answered, or its error.
func (r crud[K, T, P]) print(a *app) func(*T, error) error {
	return func(x *T, err error) error {
		if err != nil {
			return err
		}
		return a.print(r.view(*x), func() table { return r.table(*x) })
	}
}
