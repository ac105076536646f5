// The menu of the popover when it is an ordinary window (no tray icon to hold one): the only way
// to quit there, beside the views the tray menu offers.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { NavigateView } from '../../shared/contract';

export interface WindowMenuActions {
  navigate(view: Exclude<NavigateView, 'today'>): void;
  quit(): void;
}

export function windowMenu(actions: WindowMenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Harvest Tray',
      submenu: [
        { label: 'New entry', accelerator: 'CommandOrControl+N', click: () => actions.navigate('new-entry') },
        { label: 'Review today', click: () => actions.navigate('review') },
        { label: 'Settings', accelerator: 'CommandOrControl+,', click: () => actions.navigate('settings') },
        { type: 'separator' },
        { label: 'Quit Harvest Tray', accelerator: 'CommandOrControl+Q', click: () => actions.quit() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
