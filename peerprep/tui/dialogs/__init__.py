"""Small questions in front of a screen: each a ModalScreen that answers through dismiss()."""
