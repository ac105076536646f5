// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboOption } from './Combobox';

afterEach(cleanup);

const options: ComboOption[] = [
  { value: '1', label: 'Website Redesign', detail: 'Acme Corp' },
  { value: '2', label: 'Mobile App', detail: 'Globex' },
  { value: '3', label: 'Internal', detail: null },
];

function Harness({ onChange, onFormEscape }: { onChange?: (value: string) => void; onFormEscape?: () => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <div onKeyDown={(event) => event.key === 'Escape' && !event.defaultPrevented && onFormEscape?.()}>
      <Combobox
        label="Project"
        options={options}
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange?.(next);
        }}
      />
    </div>
  );
}

describe('Combobox', () => {
  it('is a labelled combobox whose list opens on typing and filters by label and detail', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Project' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.type(input, 'glob');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const shown = screen.getAllByRole('option').map((option) => option.textContent);
    expect(shown).toEqual(['Mobile AppGlobex']);
  });

  it('moves the active option with the arrows (wrapping) and picks it with Enter', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Project' });
    await user.click(input);
    await user.keyboard('{ArrowDown}');
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(active()).toContain('Mobile App');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(active()).toContain('Internal');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('3');
    expect(input).toHaveValue('Internal');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape closes the list and keeps the choice, without reaching the form', async () => {
    const user = userEvent.setup();
    const onFormEscape = vi.fn();
    render(<Harness onFormEscape={onFormEscape} />);
    const input = screen.getByRole('combobox', { name: 'Project' });
    await user.type(input, 'web{Enter}');
    expect(input).toHaveValue('Website Redesign');
    await user.type(input, 'xyz');
    expect(screen.getByText(/Nothing matches/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('Website Redesign');
    expect(onFormEscape).not.toHaveBeenCalled();
    // With the list closed, a second Escape belongs to the form (cancel).
    await user.keyboard('{Escape}');
    expect(onFormEscape).toHaveBeenCalledTimes(1);
  });

  it('picks an option with the mouse', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Project' }));
    await user.click(screen.getByRole('option', { name: /Mobile App/ }));
    expect(onChange).toHaveBeenCalledWith('2');
  });
});
