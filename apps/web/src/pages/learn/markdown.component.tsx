import { Anchor, Blockquote, Code, List, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode, useMemo } from 'react';

/**
 * Course Markdown as React elements, built from marked's tokens: no HTML string ever reaches the page, so a body
 * cannot inject markup or scripts (raw HTML in the source is shown as text). Headings start at `headingBase`, so
 * a module's `##` sits under the module's own heading in the page's outline.
 */
export function Markdown({
  source,
  headingBase,
  tableLabel,
}: {
  source: string;
  headingBase: number;
  tableLabel: string;
}) {
  const tokens = useMemo(() => lexer(source), [source]);
  return <>{blocks(tokens, { headingBase, tableLabel })}</>;
}

interface Context {
  headingBase: number;
  tableLabel: string;
}

function blocks(tokens: Token[], context: Context): ReactNode[] {
  return tokens.map((token, index) => block(token, index, context));
}

function block(token: Token, key: number, context: Context): ReactNode {
  switch (token.type) {
    case 'heading': {
      const { depth, tokens } = token as Tokens.Heading;
      const order = Math.min(6, context.headingBase + depth - 1) as TitleOrder;
      return (
        <Title key={key} order={order} size={order <= 3 ? 'h4' : 'h5'} mt="md" mb="xs">
          {inline(tokens)}
        </Title>
      );
    }
    case 'paragraph':
      return (
        <Text key={key} mb="sm">
          {inline((token as Tokens.Paragraph).tokens)}
        </Text>
      );
    case 'list': {
      const list = token as Tokens.List;
      return (
        <List
          key={key}
          type={list.ordered ? 'ordered' : 'unordered'}
          start={list.ordered && list.start !== '' ? Number(list.start) : undefined}
          mb="sm"
          spacing={4}
        >
          {list.items.map((item, index) => (
            <List.Item key={index}>{listItem(item, context)}</List.Item>
          ))}
        </List>
      );
    }
    case 'blockquote':
      return (
        <Blockquote key={key} color="blue.8" p="sm" mb="sm">
          {blocks((token as Tokens.Blockquote).tokens, context)}
        </Blockquote>
      );
    case 'table': {
      const table = token as Tokens.Table;
      // Wide tables scroll inside their own box at 360 px; the box is focusable so the keyboard can scroll it.
      return (
        <div
          key={key}
          role="group"
          aria-label={context.tableLabel}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus
          tabIndex={0}
          style={{ overflowX: 'auto' }}
        >
          <Table withTableBorder withColumnBorders mb="sm" miw={480}>
            <Table.Thead>
              <Table.Tr>
                {table.header.map((cell, index) => (
                  <Table.Th key={index} scope="col">
                    {inline(cell.tokens)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, rowIndex) => (
                <Table.Tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <Table.Td key={index}>{inline(cell.tokens)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      );
    }
    case 'code':
      return (
        <Code key={key} block mb="sm">
          {(token as Tokens.Code).text}
        </Code>
      );
    case 'hr':
      return <hr key={key} />;
    case 'space':
      return null;
    case 'text': {
      const text = token as Tokens.Text;
      return <Text key={key}>{text.tokens ? inline(text.tokens) : text.text}</Text>;
    }
    default:
      // Raw HTML and anything unknown: its source as text, never as markup.
      return (
        <Text key={key} mb="sm">
          {token.raw}
        </Text>
      );
  }
}

/** A list item's content: tight items are inline text; loose ones hold paragraphs. */
function listItem(item: Tokens.ListItem, context: Context): ReactNode {
  return item.tokens.map((token, index) =>
    token.type === 'text' ? (
      <Fragment key={index}>
        {(token as Tokens.Text).tokens ? inline((token as Tokens.Text).tokens ?? []) : token.raw}
      </Fragment>
    ) : (
      block(token, index, context)
    ),
  );
}

function inline(tokens: Token[]): ReactNode[] {
  return tokens.map((token, key) => {
    switch (token.type) {
      case 'strong':
        return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
      case 'del':
        return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
      case 'codespan':
        return <Code key={key}>{(token as Tokens.Codespan).text}</Code>;
      case 'br':
        return <br key={key} />;
      case 'link': {
        const link = token as Tokens.Link;
        // Only web and mail links become links: `javascript:` and the like stay text.
        if (!/^(https?:|mailto:)/i.test(link.href))
          return <Fragment key={key}>{inline(link.tokens)}</Fragment>;
        return (
          <Anchor key={key} href={link.href} target="_blank" rel="noopener noreferrer">
            {inline(link.tokens)}
          </Anchor>
        );
      }
      case 'image':
        return <Fragment key={key}>{(token as Tokens.Image).text}</Fragment>;
      case 'text': {
        const text = token as Tokens.Text;
        return <Fragment key={key}>{text.tokens ? inline(text.tokens) : text.text}</Fragment>;
      }
      case 'escape':
        return <Fragment key={key}>{(token as Tokens.Escape).text}</Fragment>;
      default:
        return <Fragment key={key}>{token.raw}</Fragment>;
    }
  });
}
