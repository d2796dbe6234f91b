import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

// Mantine's look with the router's typed `to`/`params` and client-side navigation (TanStack's createLink).
const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>(
  (props, ref) => <Anchor component="a" ref={ref} {...props} />,
);
MantineAnchor.displayName = 'MantineAnchor';

const MantineNavLink = forwardRef<
  HTMLAnchorElement,
  NavLinkProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof NavLinkProps>
>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
MantineNavLink.displayName = 'MantineNavLink';

const MantineButtonLink = forwardRef<
  HTMLAnchorElement,
  ButtonProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof ButtonProps>
>((props, ref) => <Button component="a" ref={ref} {...props} />);
MantineButtonLink.displayName = 'MantineButtonLink';

export const AnchorLink = createLink(MantineAnchor);
export const NavLinkLink = createLink(MantineNavLink);
export const ButtonLink = createLink(MantineButtonLink);
