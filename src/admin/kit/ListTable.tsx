import * as React from 'react';
import { Table, Tbody, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table with one header row of column names; `children` are its body rows. */
export function ListTable({ headers, rowCount, children }: { headers: readonly string[]; rowCount: number; children: React.ReactNode }) {
  return (
    <Table colCount={headers.length} rowCount={rowCount + 1}>
      <Thead>
        <Tr>
          {headers.map((header, index) => (
            <Th key={`${index}-${header}`}>
              <Typography variant="sigma" textColor="neutral600">
                {header}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>{children}</Tbody>
    </Table>
  );
}

type RowProps = React.ComponentProps<typeof Tr> & { onOpen(): void };

/** A row that opens its entry wherever it is clicked. */
export const OpenableRow = ({ onOpen, style, ...props }: RowProps) => <Tr {...props} onClick={onOpen} style={{ cursor: 'pointer', ...style }} />;

/** The entry's number as a link-styled button, reachable by keyboard (the row itself is not). */
export const OpenButton = ({ label, onOpen }: { label: string; onOpen(): void }) => (
  <TextButton
    onClick={(e: React.MouseEvent) => {
      e.stopPropagation();
      onOpen();
    }}
  >
    <Typography fontWeight="semiBold" textColor="primary600">
      {label}
    </Typography>
  </TextButton>
);
